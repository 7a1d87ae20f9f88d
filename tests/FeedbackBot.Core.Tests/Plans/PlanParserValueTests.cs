using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>The optional <c>value</c> section: what customers are worth, for the review's "What it is worth".</summary>
public class PlanParserValueTests
{
    private const string Section = """

        value:
          currency: GBP
          customers_per_cycle: 12000
          revenue_per_customer: 340
          cost_per_complaint: 45
          cost_per_repeat_contact: 6
          churn_rate: {detractor: 0.25, passive: 0.10, promoter: 0.04}
        """;

    [Fact]
    public void Parse_ValueSection_EveryFieldRead()
    {
        var value = ParseValid(Minimal + Section).Value;

        Assert.Equal(new ValueModel("GBP", 12000, 340, 45, 6, new ChurnRates(0.25, 0.10, 0.04)), value);
    }

    [Fact]
    public void Parse_ValueSectionWithOnlyWhatIsRequired_TheRestIsNull()
    {
        var value = ParseValid(Minimal + "\nvalue:\n  currency: EUR\n  customers_per_cycle: 500").Value;

        Assert.Equal(new ValueModel("EUR", 500, null, null, null, null), value);
    }

    [Fact]
    public void Parse_NoValueSection_NoValueAndNothingWritten()
    {
        var plan = ParseValid(Minimal);

        Assert.Null(plan.Value);
        // Plans stored before the section existed keep their content hash.
        Assert.DoesNotContain("\"value\"", PlanJson.Serialize(plan), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("value:\n  currency: pounds\n  customers_per_cycle: 10", "value.currency", "three-letter ISO 4217 code")]
    [InlineData("value:\n  currency: GBP", "value", "customers_per_cycle")]
    [InlineData("value:\n  currency: GBP\n  customers_per_cycle: 0", "value.customers_per_cycle", "at least 1")]
    [InlineData("value:\n  currency: GBP\n  customers_per_cycle: 10\n  cost_per_complaint: -5", "value.cost_per_complaint", "at least 0")]
    [InlineData("value:\n  currency: GBP\n  customers_per_cycle: 10\n  churn_rate: {detractor: 25, passive: 0.1, promoter: 0.04}", "value.churn_rate.detractor", "25% is 0.25")]
    [InlineData("value:\n  currency: GBP\n  customers_per_cycle: 10\n  churn_rate: {detractor: 0.25}", "value.churn_rate", "passive")]
    [InlineData("value:\n  currency: GBP\n  customers_per_cycle: 10\n  revenue: 300", "value", "revenue")]
    [InlineData("value: 12000", "value", "expected")]
    public void Parse_BadValueSection_IsAnErrorNamingTheField(string section, string field, string says)
    {
        var result = ParseMinimalWith(section);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().Contains(field, StringComparison.Ordinal) && e.ToString().Contains(says, StringComparison.Ordinal));
    }
}
