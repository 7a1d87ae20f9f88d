using FeedbackBot.Core.Analysis.Text;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Tests.Plans;

namespace FeedbackBot.Core.Tests.Text;

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
        var taxonomy = ThemeTaxonomy.WithPlanThemes([new ThemeDefinition("billing", "Billing", "reliability", ["invoice", "direct debit"])]);

        var mentions = new ThemeCoder(taxonomy).Code("My invoices were wrong and the direct debit failed.");

        Assert.Equal("billing", taxonomy.Themes[^1].Id);
        Assert.Equal(10, taxonomy.Themes.Count);
        Assert.Contains(new ThemeMention("billing", Polarity.Negative), mentions);
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
        var taxonomy = ThemeTaxonomy.WithPlanThemes([new ThemeDefinition("billing", "Billing", null, ["charged"])]);

        var coder = new ThemeCoder(taxonomy);

        Assert.Contains(coder.Code("They charge too much."), m => m.ThemeId == "billing");
        Assert.Contains(coder.Code("Charging twice is not ok."), m => m.ThemeId == "billing");
    }

    [Fact]
    public void WithPlanThemes_PlanFileThemes_CodeComments()
    {
        var plan = PlanFiles.ParseValid(PlanFiles.Minimal + "\n" + """
            themes:
              - id: billing
                label: Billing
                feature: care
                keywords: [invoice, "direct debit", refund]
            """);

        var taxonomy = ThemeTaxonomy.WithPlanThemes(plan.Themes);

        Assert.Equal(new ThemeMention("billing", Polarity.Negative), new ThemeCoder(taxonomy).Code("Still no refund after a month.")[^1]);
        Assert.Equal("care", taxonomy.Themes[^1].Feature);
    }
}
