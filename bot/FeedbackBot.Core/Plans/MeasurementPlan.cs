using System.Text.Json.Serialization;
using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Core.Plans;

/// <summary>
/// What is measured, from whom, how, against which standards and when: one version of a plan as a manager
/// wrote it. Plans are applied from YAML files; a changed plan becomes a new version and old cycles keep theirs.
/// </summary>
/// <param name="Id">Stable identifier (lower-case letters, digits, '-' and '_').</param>
/// <param name="Name">The plan's display name.</param>
/// <param name="Description">Optional longer description.</param>
/// <param name="Audiences">Who is asked.</param>
/// <param name="Features">The service features measured.</param>
/// <param name="Questions">The questions, in display order.</param>
/// <param name="Kpis">The KPIs and their agreed targets.</param>
/// <param name="Methods">The methods of collection.</param>
/// <param name="Schedule">When cycles open; null for a plan run only by hand.</param>
/// <param name="CycleDays">How long a cycle stays open, in days.</param>
/// <param name="Sample">How each cycle's sample is drawn.</param>
/// <param name="MinimumGroupSize">No figure is reported for a group smaller than this.</param>
/// <param name="MinDaysBetweenInvitations">Nobody is invited more often than this many days apart.</param>
/// <param name="Reminders">How non-respondents are reminded.</param>
/// <param name="PostTo">The channels that receive reviews.</param>
/// <param name="Validation">Rules for excluding unusable responses.</param>
/// <param name="Population">Known population counts per segment, used to judge representativeness when there are no invitations.</param>
/// <param name="Themes">Themes added to the default taxonomy.</param>
/// <param name="CycleLength">How long a cycle stays open when the plan gives <c>cycle_length</c>; null when it is whole days.</param>
/// <param name="WebLink">Settings of the <c>web_link</c> method (a helpdesk trigger's delay); null when the plan gives none.</param>
/// <param name="Scorecards">The QA scorecards for monitoring interactions; null when the plan has none.</param>
/// <param name="QaTarget">How many evaluations each agent should have per channel and window; null when the plan sets none.</param>
/// <param name="QaRetentionDays">How many days evaluations are kept before they are deleted; null keeps them until erased.</param>
/// <param name="SustainCycles">
/// How many cycles in a row an improved action's KPI must meet its target to count as sustained; null for
/// <see cref="DefaultSustainCycles"/>.
/// </param>
/// <param name="Value">What customers are worth (the <c>value</c> section), for the review's money figures; null when not given.</param>
/// <param name="Outcome">
/// The id of the KPI whose question is the overall outcome that drivers are correlated with, as the plan gives it;
/// null when it gives none (<see cref="OutcomeKpi"/> then takes the first csat or nps KPI).
/// </param>
/// <param name="StrengthThreshold">
/// The top-box share (percent) at or above which a question or feature is a strength; null for
/// <see cref="DefaultStrengthThreshold"/>.
/// </param>
/// <param name="ComplaintResolutionStandard">
/// The plan's standard for resolving a complaint (<c>complaint_resolution_standard</c>); null when it sets none.
/// </param>
/// <param name="RetentionDays">
/// How many days after a cycle closes its raw responses (answers and comments) are kept (<c>retention_days</c>); null
/// keeps them. The cycle's stored reviews stay.
/// </param>
public sealed record MeasurementPlan(
    string Id,
    string Name,
    string? Description,
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<string> Features,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<Kpi> Kpis,
    IReadOnlyList<CollectionMethod> Methods,
    PlanSchedule? Schedule,
    int CycleDays,
    SamplePlan Sample,
    int MinimumGroupSize,
    int MinDaysBetweenInvitations,
    ReminderPlan Reminders,
    IReadOnlyList<PostTarget> PostTo,
    ValidationRules Validation,
    IReadOnlyDictionary<string, int> Population,
    IReadOnlyList<ThemeDefinition> Themes,
    TimeSpan? CycleLength = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WebLinkSettings? WebLink = null,
    // Written only when given, so that plans stored before scorecards existed keep their content hash.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Scorecard>? Scorecards = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] QaTarget? QaTarget = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? QaRetentionDays = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SustainCycles = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ValueModel? Value = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Outcome = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? StrengthThreshold = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TimeSpan? ComplaintResolutionStandard = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RetentionDays = null)
{
    /// <summary>How long each cycle stays open.</summary>
    public TimeSpan Length => CycleLength ?? TimeSpan.FromDays(CycleDays);

    /// <summary>The minimum group size when a plan does not give one.</summary>
    public const int DefaultMinimumGroupSize = 5;

    /// <summary>Whether a helpdesk may trigger this plan's survey for a customer (<c>web_link</c> with a <c>delay</c>).</summary>
    public bool TakesHelpdeskTriggers =>
        WebLink?.Delay is not null && Methods.Contains(CollectionMethod.WebLink) && Questions.Any(q => q.Audience == Audience.Customer);

    /// <summary>The scorecard with the given id, or null.</summary>
    public Scorecard? FindScorecard(string id) => Scorecards?.FirstOrDefault(s => s.Id == id);

    /// <summary>Cycles in a row an improved action's KPI must meet its target when the plan does not say.</summary>
    public const int DefaultSustainCycles = 3;

    /// <summary>The most <c>sustain_cycles</c> a plan may ask for: about a year of weekly cycles.</summary>
    public const int MaxSustainCycles = 52;

    /// <summary>
    /// The shortest <c>retention_days</c>: a month, so a review run again soon after its cycle closes (or a late
    /// import) still finds the raw answers.
    /// </summary>
    public const int MinRetentionDays = 30;

    /// <summary>The longest <c>retention_days</c>: ten years; a plan that keeps answers longer leaves the key out.</summary>
    public const int MaxRetentionDays = 3650;

    /// <summary>The plan's <see cref="SustainCycles"/>, or the default.</summary>
    [JsonIgnore]
    public int SustainCyclesOrDefault => SustainCycles ?? DefaultSustainCycles;

    /// <summary>The top-box share, in percent, that makes a question or feature a strength when the plan does not say.</summary>
    public const int DefaultStrengthThreshold = 80;

    /// <summary>The plan's <see cref="StrengthThreshold"/>, or the default.</summary>
    [JsonIgnore]
    public int StrengthThresholdOrDefault => StrengthThreshold ?? DefaultStrengthThreshold;

    /// <summary>The question with the given id, or null.</summary>
    public Question? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);

    /// <summary>
    /// The KPI whose question is the overall outcome: the plan's <see cref="Outcome"/>, or its first csat or nps KPI;
    /// null when there is none, or when it is not computed from a scale question.
    /// </summary>
    public Kpi? OutcomeKpi()
    {
        var kpi = Outcome is { } id
            ? Kpis.FirstOrDefault(k => k.Id == id)
            : Kpis.FirstOrDefault(k => k.Metric is KpiMetric.Csat or KpiMetric.Nps);
        return kpi?.Question is { } question && FindQuestion(question) is { } q && Analysis.AnswerValues.ScaleOf(q.Type) is not null
            ? kpi
            : null;
    }
}
