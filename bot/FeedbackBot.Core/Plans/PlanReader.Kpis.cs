using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static System.FormattableString;

namespace FeedbackBot.Core.Plans;

/// <summary>Reads the kpis section, checking each KPI against the question it is computed from.</summary>
internal sealed partial class PlanReader
{
    private static readonly string[] KpiFields = ["id", "metric", "question", "target", "direction"];

    private List<Kpi>? ReadKpis(FieldMap plan)
    {
        if (ReadOptionalList(plan, "kpis") is not { } list)
        {
            return null;
        }

        var before = _errors.Count;
        var kpis = new List<Kpi>();
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (ReadKpi(list.Children[i], FieldPath.Item(plan.PathOf("kpis"), i), seen) is { } kpi)
            {
                kpis.Add(kpi);
            }
        }

        return _errors.Count == before ? kpis : null;
    }

    private Kpi? ReadKpi(YamlNode node, string path, Dictionary<string, Mark> seen)
    {
        if (_values.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var fields = new FieldMap(mapping, path, _errors, KpiFields);
        var idNode = fields.Required("id", $"expected the KPI's id: {Slugs.Rule}");
        var id = idNode is null ? null : _values.Slug(idNode, fields.PathOf("id"), "KPI id");
        if (idNode is not null && id is not null && !IsFirst(seen, id, idNode, fields.PathOf("id"), "KPI id"))
        {
            id = null;
        }

        var (metric, operationalName) = ReadMetric(fields);
        var (question, questionType) = ReadKpiQuestion(fields, metric, operationalName);
        var target = fields.Required("target", "expected the agreed standard, a number") is { } targetNode
            ? ReadTarget(targetNode, fields.PathOf("target"), metric, question, questionType)
            : null;
        var direction = fields.Optional("direction") is { } directionNode
            ? _values.Name(directionNode, fields.PathOf("direction"), PlanVocabulary.Directions, "direction")
            : metric == KpiMetric.Ces ? KpiDirection.Lower : KpiDirection.Higher;

        return id is null || metric is null || target is null || direction is null
            ? null
            : new Kpi(id, metric.Value, operationalName, question, target.Value, direction.Value);
    }

    private (KpiMetric? Metric, string? OperationalName) ReadMetric(FieldMap fields)
    {
        var expected = $"expected one of {PlanVocabulary.ComputedMetrics.Expected}, or the name of an imported operational metric";
        if (fields.Required("metric", expected) is not { } node || _values.String(node, fields.PathOf("metric")) is not { } name)
        {
            return (null, null);
        }

        if (PlanVocabulary.ComputedMetrics.TryGet(name, out var metric))
        {
            return (metric, null);
        }

        // Any slug could name an imported metric, so a misspelt computed metric would silently become an operational
        // one that no import ever fills; a name one slip away from a computed metric is taken for the slip.
        var suggestion = PlanVocabulary.DidYouMean(name, PlanVocabulary.ComputedMetrics.Names);
        if (Slugs.IsValid(name) && suggestion.Length == 0)
        {
            return (KpiMetric.Operational, name);
        }

        _errors.Add(node, fields.PathOf("metric"),
            $"unknown metric '{name}'; {suggestion}expected one of {PlanVocabulary.ComputedMetrics.Expected}, or the name of an imported operational metric ({Slugs.Rule})");
        return (null, null);
    }

    /// <summary>The question a KPI is computed from, with its type when that is known.</summary>
    private (string? Question, QuestionType? Type) ReadKpiQuestion(FieldMap fields, KpiMetric? metric, string? operationalName)
    {
        var path = fields.PathOf("question");
        if (metric is KpiMetric.ResponseRate or KpiMetric.Operational)
        {
            if (fields.KeyOf("question") is { } key)
            {
                var kind = metric == KpiMetric.ResponseRate
                    ? "a response_rate KPI is counted from invitations and responses"
                    : $"an operational KPI ('{operationalName}') is imported";
                _errors.Add(key, path, $"{kind}, not computed from a question; remove 'question'");
            }

            return (null, null);
        }

        var allowed = AllowedQuestionTypes(metric);
        var metricName = metric is { } m ? PlanVocabulary.ComputedMetrics.NameOf(m) : null;
        var node = metricName is null
            ? fields.Optional("question")
            : fields.Required("question", $"{PlanVocabulary.WithArticle(metricName)} KPI is computed from {DescribeTypes(allowed)} question; expected that question's id");
        if (node is null || _values.String(node, path) is not { } id)
        {
            return (null, null);
        }

        if (_questionTypes is null)
        {
            return (id, null);
        }

        if (!_questionTypes.TryGetValue(id, out var type))
        {
            var ids = _questionTypes.Count == 0 ? "" : $"; {PlanVocabulary.DidYouMean(id, _questionTypes.Keys)}expected one of {string.Join(", ", _questionTypes.Keys)}";
            _errors.Add(node, path, $"no question with id '{id}' in this plan{ids}");
            return (null, null);
        }

        if (type is { } known && metricName is not null && !allowed.Contains(known))
        {
            _errors.Add(node, path,
                $"question '{id}' is {PlanVocabulary.WithArticle(PlanVocabulary.QuestionTypes.NameOf(known))} question; {PlanVocabulary.WithArticle(metricName)} KPI needs {DescribeTypes(allowed)} question{OtherMetricHint(metric, known)}");
            return (null, null);
        }

        return (id, type);
    }

    private double? ReadTarget(YamlNode node, string path, KpiMetric? metric, string? question, QuestionType? questionType)
    {
        if (_values.Number(node, path) is not { } target)
        {
            return null;
        }

        (double Min, double Max, string Meaning)? range = metric switch
        {
            KpiMetric.Csat => (0, 100, "a csat target is a percentage from 0 to 100"),
            KpiMetric.Agree => (0, 100, "an agree target is a percentage from 0 to 100"),
            KpiMetric.Fcr => (0, 100, "an fcr target is a percentage from 0 to 100"),
            KpiMetric.ResponseRate => (0, 100, "a response_rate target is a percentage from 0 to 100"),
            KpiMetric.Nps => (-100, 100, "an nps target is a score from -100 to 100"),
            KpiMetric.Ces => (1, 7, "a ces target is a mean effort from 1 to 7"),
            KpiMetric.Mean when questionType is { } type && Scale(type) is { } scale =>
                (scale.Min, scale.Max, Invariant($"the mean of {PlanVocabulary.QuestionTypes.NameOf(type)} question '{question}' lies from {scale.Min} to {scale.Max}")),
            _ => null,
        };

        if (range is { } r && (target < r.Min || target > r.Max))
        {
            _errors.Add(node, path, Invariant($"target {target} is out of range; {r.Meaning}"));
            return null;
        }

        return target;
    }

    private static QuestionType[] AllowedQuestionTypes(KpiMetric? metric) => metric switch
    {
        KpiMetric.Csat => [QuestionType.Rating5],
        KpiMetric.Agree => [QuestionType.Agree5],
        KpiMetric.Nps => [QuestionType.Nps],
        KpiMetric.Ces => [QuestionType.Effort7],
        KpiMetric.Fcr => [QuestionType.YesNo],
        KpiMetric.Mean => [QuestionType.Rating5, QuestionType.Agree5, QuestionType.Nps, QuestionType.Effort7],
        _ => [],
    };

    private static (int Min, int Max)? Scale(QuestionType type) => type switch
    {
        QuestionType.Rating5 or QuestionType.Agree5 => (1, 5),
        QuestionType.Nps => (0, 10),
        QuestionType.Effort7 => (1, 7),
        _ => null,
    };

    /// <summary>Points the author from a share-of-4-and-5 metric on the wrong scale to the one for the question's scale.</summary>
    private static string OtherMetricHint(KpiMetric? metric, QuestionType type) => (metric, type) switch
    {
        (KpiMetric.Csat, QuestionType.Agree5) => "; the share of 4 and 5 on an agree5 statement is metric agree",
        (KpiMetric.Agree, QuestionType.Rating5) => "; the share of 4 and 5 on a rating5 question is metric csat",
        _ => "",
    };

    /// <summary>The types with an article, as in "a rating5, agree5, nps or effort7".</summary>
    private static string DescribeTypes(QuestionType[] types)
    {
        var names = types.Select(PlanVocabulary.QuestionTypes.NameOf).ToArray();
        var list = names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
        return PlanVocabulary.WithArticle(list);
    }
}
