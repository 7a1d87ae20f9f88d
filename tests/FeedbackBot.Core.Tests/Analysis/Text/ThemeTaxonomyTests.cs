using FeedbackBot.Core.Analysis.Text;
using FeedbackBot.Core.Plans;
using FeedbackBot.Testing.Plans;

namespace FeedbackBot.Core.Tests.Analysis.Text;

public sealed class ThemeTaxonomyTests
{
    [Fact]
    public void Default_Themes_AreTheCustomerServiceSet()
    {
        Assert.Equal(
            ["waiting_time", "attitude_empathy", "knowledge", "resolution", "communication", "process_policy", "product", "price", "access_channel"],
            ThemeTaxonomy.Default.Themes.Select(t => t.Id));
        Assert.All(ThemeTaxonomy.Default.Themes, t => Assert.InRange(t.Keywords.Count, 15, 60));
    }

    [Fact]
    public void WithPlanThemes_NewTheme_IsAddedAfterTheDefaultsAndCodes()
    {
        var taxonomy = ThemeTaxonomy.WithPlanThemes([new ThemeDefinition("engineers", "Engineer visits", "reliability", ["engineer", "technician"])]);

        var mentions = new ThemeCoder(taxonomy).Code("The engineer was useless and the technician never turned up.");

        Assert.Equal("engineers", taxonomy.Themes[^1].Id);
        Assert.Equal(10, taxonomy.Themes.Count);
        Assert.Contains(new ThemeMention("engineers", Polarity.Negative), mentions);
    }

    [Fact]
    public void WithPlanThemes_DefaultId_OverridesLabelAndFeatureAndAddsKeywords()
    {
        var taxonomy = ThemeTaxonomy.WithPlanThemes([new ThemeDefinition("product", "Broadband", "reliability", ["router"])]);

        var product = taxonomy.Themes.Single(t => t.Id == "product");
        Assert.Equal(("Broadband", "reliability"), (product.Label, product.Feature));
        Assert.Contains("router", product.Keywords);
        Assert.Contains("faulty", product.Keywords);
        Assert.Equal(9, taxonomy.Themes.Count);
        Assert.Contains(new ThemeMention("product", Polarity.Negative), new ThemeCoder(taxonomy).Code("The router keeps dropping out, useless."));
    }

    [Fact]
    public void WithPlanThemes_DefaultIdWithoutFeature_KeepsTheDefaultFeature()
    {
        var taxonomy = ThemeTaxonomy.WithPlanThemes([new ThemeDefinition("waiting_time", "Waiting", null, ["ring back"])]);

        Assert.Equal("responsiveness", taxonomy.Themes.Single(t => t.Id == "waiting_time").Feature);
    }

    [Fact]
    public void WithPlanThemes_InflectedPlanKeyword_MatchesItsOtherForms()
    {
        var taxonomy = ThemeTaxonomy.WithPlanThemes([new ThemeDefinition("visits", "Home visits", null, ["visited"])]);

        var coder = new ThemeCoder(taxonomy);

        Assert.Contains(coder.Code("They visit whenever they like."), m => m.ThemeId == "visits");
        Assert.Contains(coder.Code("Visiting twice is not ok."), m => m.ThemeId == "visits");
    }

    [Fact]
    public void WithPlanThemes_PlanFileThemes_CodeComments()
    {
        var plan = PlanFiles.ParseValid(PlanFiles.Minimal + "\n" + """
            themes:
              - id: engineers
                label: Engineer visits
                feature: care
                keywords: [engineer, technician, "site visit"]
            """);

        var taxonomy = ThemeTaxonomy.WithPlanThemes(plan.Themes);

        Assert.Equal(new ThemeMention("engineers", Polarity.Negative), new ThemeCoder(taxonomy).Code("Still no engineer after a month.")[^1]);
        Assert.Equal("care", taxonomy.Themes[^1].Feature);
    }

    [Fact]
    public void WithPlanThemes_ThemeWhoseKeywordsMostlyCodeABuiltInOne_ExtendsItInsteadOfDuplicating()
    {
        var taxonomy = ThemeTaxonomy.WithPlanThemes(
        [
            new ThemeDefinition("waiting", "Waiting times", "responsiveness", ["on hold", "waited", "waiting", "no reply", "slow"]),
            new ThemeDefinition("billing", "Billing", "reliability", ["invoice", "bill", "charged", "refund"]),
        ]);

        var coder = new ThemeCoder(taxonomy);

        Assert.Equal(9, taxonomy.Themes.Count);
        Assert.DoesNotContain(taxonomy.Themes, t => t.Id is "waiting" or "billing");
        Assert.Equal(("Price and billing", "reliability"), (taxonomy.Themes.Single(t => t.Id == "price").Label, taxonomy.Themes.Single(t => t.Id == "price").Feature));
        Assert.Equal(["waiting_time"], coder.Code("I waited forever and nobody picked up, awful.").Select(m => m.ThemeId).Where(id => id.StartsWith("wait", StringComparison.Ordinal)));
        Assert.Single(coder.Code("The invoice was wrong."), m => m.ThemeId == "price");
    }

    [Fact]
    public void WithPlanThemes_SameLabelAsABuiltInTheme_ExtendsIt()
    {
        var taxonomy = ThemeTaxonomy.WithPlanThemes([new ThemeDefinition("products", "Products", null, ["router"])]);

        Assert.Equal(9, taxonomy.Themes.Count);
        Assert.Contains("router", taxonomy.Themes.Single(t => t.Id == "product").Keywords);
    }

    [Fact]
    public void WithPlanThemes_ThemeSharingFewKeywords_StaysItsOwnTheme()
    {
        var taxonomy = ThemeTaxonomy.WithPlanThemes([new ThemeDefinition("install", "Installation", null, ["engineer", "technician", "slow"])]);

        Assert.Equal("install", taxonomy.Themes[^1].Id);
    }
}
