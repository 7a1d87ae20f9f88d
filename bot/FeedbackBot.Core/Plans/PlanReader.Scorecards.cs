using System.Globalization;
using FeedbackBot.Core.Scorecards;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static System.FormattableString;

namespace FeedbackBot.Core.Plans;

/// <summary>Reads the QA scorecards for monitoring interactions, the evaluation target and how long evaluations are kept.</summary>
internal sealed partial class PlanReader
{
    private const int MaxCriterionTextLength = 500;
    private const int MaxQaWindowDays = 366;
    private const int MaxEvaluationsPerAgent = 1000;
    private const int MaxRetentionDays = 3650;

    private static readonly string[] ScorecardFields = ["id", "name", "channels", "pass_mark", "criteria"];
    private static readonly string[] CriterionFields = ["id", "text", "feature", "kpi", "scale", "weight", "critical", "allow_na"];
    private static readonly string[] QaTargetFields = ["per_agent", "every"];

    /// <summary>
    /// The scorecards (null when the plan has none, so a plan without them is stored as before), the target and the
    /// retention; null itself when any of them has an error.
    /// </summary>
    private (List<Scorecard>? Scorecards, QaTarget? Target, int? RetentionDays)? ReadQualityMonitoring(FieldMap plan, List<Kpi>? kpis)
    {
        var before = _errors.Count;
        var scorecards = ReadScorecards(plan, kpis);
        var target = plan.Optional("qa_target") is { } targetNode ? ReadQaTarget(targetNode, plan.PathOf("qa_target")) : null;
        var retention = plan.Optional("qa_retention_days") is { } retentionNode
            ? _values.Integer(retentionNode, plan.PathOf("qa_retention_days"), 1, MaxRetentionDays)
            : null;

        // Without scorecards there are no evaluations to count or delete, so a target or retention alone is a slip.
        if (scorecards is null && _errors.Count == before)
        {
            foreach (var key in new[] { "qa_target", "qa_retention_days" })
            {
                if (plan.Optional(key) is not null)
                {
                    _errors.Add(plan.KeyOf(key)!, plan.PathOf(key), $"'{key}' applies only to a plan with scorecards; add scorecards or remove '{key}'");
                }
            }
        }

        return _errors.Count == before ? (scorecards, target, retention) : null;
    }

    private List<Scorecard>? ReadScorecards(FieldMap plan, List<Kpi>? kpis)
    {
        if (plan.Optional("scorecards") is not { } node || _values.List(node, plan.PathOf("scorecards")) is not { } list
            || list.Children.Count == 0)
        {
            return null;
        }

        var scorecards = new List<Scorecard>();
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (ReadScorecard(list.Children[i], FieldPath.Item(plan.PathOf("scorecards"), i), seen, kpis) is { } scorecard)
            {
                scorecards.Add(scorecard);
            }
        }

        return scorecards;
    }

    private Scorecard? ReadScorecard(YamlNode node, string path, Dictionary<string, Mark> seen, List<Kpi>? kpis)
    {
        if (_values.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var fields = new FieldMap(mapping, path, _errors, ScorecardFields);
        var id = ReadUniqueId(fields, "scorecard id", $"expected the scorecard's id: {Slugs.Rule}", seen);
        var name = fields.Required("name", "expected the scorecard's name as evaluators see it") is { } nameNode
            ? _values.Text(nameNode, fields.PathOf("name"), MaxNameLength)
            : null;
        var channels = fields.Required("channels", $"expected a list of the channels it is used for: {PlanVocabulary.InteractionChannels.Expected}") is { } channelsNode
            ? ReadNameList(channelsNode, fields.PathOf("channels"), PlanVocabulary.InteractionChannels, "channel")
            : null;
        var passMark = fields.Required("pass_mark", "expected the score from 0 to 100 at or above which an evaluation passes, such as 80") is { } passNode
            ? ReadPercentage(passNode, fields.PathOf("pass_mark"), "a pass mark is a score from 0 to 100")
            : null;
        var criteria = ReadCriteria(fields, kpis);

        return id is null || name is null || channels is null || passMark is null || criteria is null
            ? null
            : new Scorecard(id, name, channels, passMark.Value, criteria);
    }

    private List<Criterion>? ReadCriteria(FieldMap scorecard, List<Kpi>? kpis)
    {
        var path = scorecard.PathOf("criteria");
        if (scorecard.Required("criteria", "expected a list of criteria, each with at least id, text, feature and scale") is not { } node
            || ReadNonEmptyList(node, path, "criterion") is not { } list)
        {
            return null;
        }

        var before = _errors.Count;
        var criteria = new List<Criterion>();
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (ReadCriterion(list.Children[i], FieldPath.Item(path, i), seen, kpis) is { } criterion)
            {
                criteria.Add(criterion);
            }
        }

        return _errors.Count == before ? criteria : null;
    }

    private Criterion? ReadCriterion(YamlNode node, string path, Dictionary<string, Mark> seen, List<Kpi>? kpis)
    {
        if (_values.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var fields = new FieldMap(mapping, path, _errors, CriterionFields);
        var id = ReadUniqueId(fields, "criterion id", $"expected the criterion's id, also its column in evaluation imports: {Slugs.Rule}", seen);
        var text = fields.Required("text", "expected what the evaluator looks for, such as 'Greeted the customer by name'") is { } textNode
            ? _values.Text(textNode, fields.PathOf("text"), MaxCriterionTextLength)
            : null;
        var feature = fields.Required("feature", "expected the plan feature the criterion bears on") is { } featureNode
            ? ReadFeature(featureNode, fields.PathOf("feature"))
            : null;
        var (kpi, kpiValid) = ReadKpiReference(fields, kpis);
        var scale = fields.Required("scale", $"expected one of {PlanVocabulary.CriterionScales.Expected}") is { } scaleNode
            ? _values.Name(scaleNode, fields.PathOf("scale"), PlanVocabulary.CriterionScales, "scale")
            : null;
        var weight = fields.Optional("weight") is { } weightNode ? ReadWeight(weightNode, fields.PathOf("weight")) : Criterion.DefaultWeight;
        var critical = fields.Optional("critical") is { } criticalNode ? _values.Boolean(criticalNode, fields.PathOf("critical")) : false;
        var allowNa = fields.Optional("allow_na") is { } naNode ? _values.Boolean(naNode, fields.PathOf("allow_na")) : false;

        if (critical == true && scale == CriterionScale.Rating5)
        {
            _errors.Add(fields.Optional("critical")!, fields.PathOf("critical"),
                "only a yesno criterion can be critical (a \"no\" fails the whole evaluation); use scale: yesno or remove 'critical'");
            critical = null;
        }

        return id is null || text is null || feature is null || !kpiValid || scale is null || weight is null || critical is null || allowNa is null
            ? null
            : new Criterion(id, text, feature, kpi, scale.Value, weight.Value, critical.Value, allowNa.Value);
    }

    /// <summary>A required id, checked as a slug and against the ids already seen.</summary>
    private string? ReadUniqueId(FieldMap fields, string what, string expected, Dictionary<string, Mark> seen)
    {
        if (fields.Required("id", expected) is not { } node || _values.Slug(node, fields.PathOf("id"), what) is not { } id)
        {
            return null;
        }

        return IsFirst(seen, id, node, fields.PathOf("id"), what) ? id : null;
    }

    /// <summary>An optional KPI id that must be one of the plan's KPIs (checked only when they were read without error).</summary>
    private (string? Kpi, bool Valid) ReadKpiReference(FieldMap fields, List<Kpi>? kpis)
    {
        var path = fields.PathOf("kpi");
        if (fields.Optional("kpi") is not { } node)
        {
            return (null, true);
        }

        if (_values.String(node, path) is not { } id)
        {
            return (null, false);
        }

        if (kpis is null || kpis.Any(k => k.Id == id))
        {
            return (id, true);
        }

        var ids = kpis.Select(k => k.Id).ToList();
        _errors.Add(node, path, ids.Count == 0
            ? $"unknown KPI '{id}'; the plan has no kpis: add it under kpis or remove 'kpi'"
            : $"unknown KPI '{id}'; {PlanVocabulary.DidYouMean(id, ids)}expected one of the plan's KPIs: {string.Join(", ", ids)}");
        return (null, false);
    }

    private double? ReadWeight(YamlNode node, string path)
    {
        if (_values.Number(node, path) is not { } weight)
        {
            return null;
        }

        if (weight <= 0)
        {
            _errors.Add(node, path, Invariant($"expected a weight above 0, got {weight}; a criterion that should not count can be removed"));
            return null;
        }

        return weight;
    }

    private double? ReadPercentage(YamlNode node, string path, string meaning)
    {
        if (_values.Number(node, path) is not { } value)
        {
            return null;
        }

        if (value is < 0 or > 100)
        {
            _errors.Add(node, path, Invariant($"{value} is out of range; {meaning}"));
            return null;
        }

        return value;
    }

    private QaTarget? ReadQaTarget(YamlNode node, string path)
    {
        if (_values.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var fields = new FieldMap(mapping, path, _errors, QaTargetFields);
        var perAgent = fields.Required("per_agent", Invariant($"expected how many evaluations each agent should have per channel in each window, from 1 to {MaxEvaluationsPerAgent}")) is { } countNode
            ? _values.Integer(countNode, fields.PathOf("per_agent"), 1, MaxEvaluationsPerAgent)
            : null;
        var every = fields.Required("every", Invariant($"expected the window's length in days, from 1d to {MaxQaWindowDays}d, such as 30d")) is { } everyNode
            ? ReadWholeDays(everyNode, fields.PathOf("every"))
            : null;

        return perAgent is null || every is null ? null : new QaTarget(perAgent.Value, every.Value);
    }

    /// <summary>A number of days written as <c>30d</c>: coverage is counted in whole days, so hours would only mislead.</summary>
    private TimeSpan? ReadWholeDays(YamlNode node, string path)
    {
        if (_values.String(node, path) is not { } text)
        {
            return null;
        }

        if (text.Length > 1 && text[^1] == 'd' && text[..^1].All(char.IsAsciiDigit)
            && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            && days is >= 1 and <= MaxQaWindowDays)
        {
            return TimeSpan.FromDays(days);
        }

        _errors.Add(node, path, Invariant($"'{text}' is not a number of days from 1d to {MaxQaWindowDays}d; write it like 30d"));
        return null;
    }
}
