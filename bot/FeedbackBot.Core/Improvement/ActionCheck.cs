using System.Text.Json.Serialization;

namespace FeedbackBot.Core.Improvement;

/// <summary>What an improvement action's before/after check found.</summary>
/// <param name="Kpi">The KPI checked.</param>
/// <param name="Before">The KPI over the answers before.</param>
/// <param name="After">The KPI over the answers after.</param>
/// <param name="Change">After minus before.</param>
/// <param name="PValue">The two-sided p-value of the change.</param>
/// <param name="EffectSize">Its effect size: Cohen's h for proportions, points for NPS, Cohen's d for means.</param>
/// <param name="Target">The success criterion.</param>
/// <param name="TargetMetAfter">Whether the whole interval after is on the good side of the target.</param>
/// <param name="Verdict">improved, not_improved or inconclusive.</param>
/// <param name="MoreResponsesNeeded">For an inconclusive check, about how many more answers after the change would tell; null when it cannot be sized.</param>
/// <param name="Explanation">The verdict in one sentence.</param>
public sealed record ActionCheck(
    string Kpi,
    CheckWindow Before,
    CheckWindow After,
    double? Change,
    double? PValue,
    double? EffectSize,
    double Target,
    bool? TargetMetAfter,
    ActionVerdict Verdict,
    long? MoreResponsesNeeded,
    string Explanation);

/// <summary>A KPI over one window's pooled answers.</summary>
/// <param name="Value">The estimate; null without answers.</param>
/// <param name="N">The answers it rests on.</param>
/// <param name="Ci95">Its 95% interval as [low, high].</param>
public sealed record CheckWindow(double? Value, long N, IReadOnlyList<double>? Ci95);

/// <summary>What a before/after check concludes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionVerdict>))]
public enum ActionVerdict
{
    /// <summary>The KPI moved the good way with p &lt; 0.05.</summary>
    [JsonStringEnumMemberName("improved")]
    Improved,

    /// <summary>It moved the wrong way with p &lt; 0.05, or not at all with enough answers to have seen the planned change.</summary>
    [JsonStringEnumMemberName("not_improved")]
    NotImproved,

    /// <summary>Not enough answers to tell.</summary>
    [JsonStringEnumMemberName("inconclusive")]
    Inconclusive,
}
