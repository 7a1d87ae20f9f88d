using System.Text.Json.Serialization;

namespace FeedbackBot.Core.Reviews;

/// <summary>The figures a finding or recommendation rests on.</summary>
/// <param name="Metric">The KPI or measure.</param>
/// <param name="Value">Its value in the cycle.</param>
/// <param name="Target">The agreed target, if any.</param>
/// <param name="N">How many answers or observations.</param>
/// <param name="Ci95">The 95% interval.</param>
/// <param name="Previous">The previous cycle's value.</param>
/// <param name="Change">The change since then.</param>
/// <param name="PValue">The change's p-value.</param>
/// <param name="Quotes">Up to three representative comments, with personal data masked.</param>
/// <param name="Label">What the measure is called in a report (the KPI's or theme's name), never an internal key. Null in reviews stored before it was added.</param>
/// <param name="Question">The id of the question the finding is about, when it is about one; null otherwise and in reviews stored before it was added.</param>
public sealed record Evidence(
    string Metric,
    double? Value,
    double? Target,
    long N,
    IReadOnlyList<double>? Ci95,
    double? Previous,
    double? Change,
    double? PValue,
    IReadOnlyList<string> Quotes,
    string? Label = null,
    string? Question = null);

/// <summary>A strength or a shortfall.</summary>
/// <param name="Kind">
/// met_with_margin, improved, missed, worsened, theme (a prominent or overwhelmingly positive theme in comments),
/// top_box (a question or feature at or above the plan's strength threshold), or praise (praise logged by staff).
/// </param>
/// <param name="Title">One sentence a manager reads.</param>
/// <param name="Feature">The service feature it concerns.</param>
/// <param name="Evidence">What it rests on.</param>
public sealed record Finding(string Kind, string Title, string? Feature, Evidence Evidence);

/// <summary>Two sources disagreeing about one service feature.</summary>
/// <param name="Kind">staff_vs_customer or complaints_vs_survey.</param>
/// <param name="Title">One sentence a manager reads.</param>
/// <param name="Feature">The feature or theme concerned.</param>
/// <param name="First">The first source's view (customers; complaints).</param>
/// <param name="Second">The second source's view (staff; survey comments).</param>
/// <param name="Difference">First minus second, in points of a 0–100 scale.</param>
/// <param name="PValue">The difference's p-value, when testable.</param>
public sealed record Gap(string Kind, string Title, string Feature, Evidence First, Evidence Second, double Difference, double? PValue);

/// <summary>An evidence-backed recommendation.</summary>
/// <param name="Title">What to do, in one line.</param>
/// <param name="Priority">high, medium or low.</param>
/// <param name="Score">The priority score: the size of the gap weighted by how many customers it reaches.</param>
/// <param name="Feature">The service feature it addresses.</param>
/// <param name="Theme">The comment theme it addresses, if any.</param>
/// <param name="Action">The suggested actions, in a few sentences.</param>
/// <param name="Evidence">What it rests on.</param>
/// <param name="OwnerRole">Who should own it.</param>
/// <param name="SuccessCriterion">How to tell it worked: the KPI target.</param>
/// <param name="ReviewBy">When to check.</param>
/// <param name="Id">Its id within the review: <c>r1</c>, <c>r2</c>, ... in the order given; empty in reviews stored before ids.</param>
/// <param name="Key">
/// The same for the same advice in every review of the plan (its rule, feature, theme and metric), so a later review
/// recognises advice already being acted on. Opaque: compare it, do not parse it.
/// </param>
/// <param name="ActedOn">The improvement action already adopted for this advice (same key), when there is one.</param>
/// <param name="ValueIfMet">
/// What reaching its KPI's target would be worth in a cycle, in the plan's <c>value</c> currency; null without a value
/// section, or when it rests on no KPI the section can price.
/// </param>
/// <param name="Driver">
/// The act-first driver that raised this recommendation's score, or that it was made for; null (left out of the JSON)
/// when none did.
/// </param>
public sealed record Recommendation(
    string Title,
    string Priority,
    double Score,
    string? Feature,
    string? Theme,
    string Action,
    Evidence Evidence,
    string OwnerRole,
    string SuccessCriterion,
    DateOnly ReviewBy,
    string Id = "",
    string Key = "",
    ActedOn? ActedOn = null,
    double? ValueIfMet = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RecommendationDriver? Driver = null);

/// <summary>Why a recommendation ranks where it does among the drivers of the outcome.</summary>
/// <param name="Question">The act-first question.</param>
/// <param name="Rho">Its correlation with the outcome question.</param>
/// <param name="Factor">What the score was multiplied by: 1 + rho.</param>
public sealed record RecommendationDriver(string Question, double Rho, double Factor);

/// <summary>An improvement action adopted for a recommendation's advice, so a later review says it is being acted on.</summary>
/// <param name="Action">The action's number.</param>
/// <param name="Status">Its status: planned, in_progress, implemented, improved, ...</param>
public sealed record ActedOn(int Action, string Status);

/// <summary>What an improvement action implemented before the cycle did to its KPI, checked as the review was made.</summary>
/// <param name="Id">The action's number.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kpi">The KPI it was meant to move.</param>
/// <param name="Status">Its status after this check.</param>
/// <param name="Verdict">improved, not_improved or inconclusive.</param>
/// <param name="Before">The KPI before the change.</param>
/// <param name="After">The KPI since, this cycle included.</param>
/// <param name="Change">After minus before.</param>
/// <param name="PValue">The change's p-value.</param>
/// <param name="Explanation">The verdict in one sentence.</param>
public sealed record ActionOutcome(
    int Id, string Title, string Kpi, string Status, string Verdict, double? Before, double? After, double? Change, double? PValue, string Explanation);
