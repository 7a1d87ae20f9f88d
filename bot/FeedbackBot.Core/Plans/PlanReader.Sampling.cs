using YamlDotNet.RepresentationModel;
using static System.FormattableString;

namespace FeedbackBot.Core.Plans;

/// <summary>Reads who is invited in a cycle (sample) and the known population counts (population).</summary>
internal sealed partial class PlanReader
{
    private const double MaxMarginOfError = 50;

    private static readonly string[] SampleFields = ["method", "by", "size", "margin_of_error"];
    private static readonly string[] StratificationFields = ["by", "size", "margin_of_error"];

    private SamplePlan? ReadSample(FieldMap plan)
    {
        if (plan.Optional("sample") is not { } node)
        {
            return SamplePlan.Everyone;
        }

        if (_values.Mapping(node, plan.PathOf("sample")) is not { } mapping)
        {
            return null;
        }

        var fields = new FieldMap(mapping, plan.PathOf("sample"), _errors, SampleFields);
        var method = fields.Required("method", $"expected one of {PlanVocabulary.SampleMethods.Expected}") is { } methodNode
            ? _values.Name(methodNode, fields.PathOf("method"), PlanVocabulary.SampleMethods, "sample method")
            : null;

        if (method == SampleMethod.Everyone)
        {
            foreach (var key in StratificationFields)
            {
                if (fields.KeyOf(key) is { } keyNode)
                {
                    _errors.Add(keyNode, fields.PathOf(key),
                        $"'{key}' applies only to a stratified sample; remove it, or use method: stratified");
                }
            }

            return SamplePlan.Everyone;
        }

        var by = method == SampleMethod.Stratified
            ? fields.Required("by", "expected the segment attribute that defines the strata, such as region or team")
            : fields.Optional("by");
        var stratifyBy = by is null ? null : _values.Slug(by, fields.PathOf("by"), "segment attribute");

        var sizeNode = fields.Optional("size");
        var marginNode = fields.Optional("margin_of_error");
        var size = sizeNode is null ? null : _values.Integer(sizeNode, fields.PathOf("size"), 1, int.MaxValue);
        var margin = marginNode is null ? null : ReadMarginOfError(marginNode, fields.PathOf("margin_of_error"));

        if (method == SampleMethod.Stratified)
        {
            if (sizeNode is null && marginNode is null)
            {
                _errors.Add(mapping, fields.Path,
                    "a stratified sample needs either 'size' (how many to invite) or 'margin_of_error' (in percentage points)");
                return null;
            }

            if (sizeNode is not null && marginNode is not null)
            {
                _errors.Add(fields.KeyOf("margin_of_error")!, fields.PathOf("margin_of_error"),
                    "give either 'size' or 'margin_of_error', not both");
                return null;
            }
        }

        return method is null || stratifyBy is null || (size is null && margin is null)
            ? null
            : new SamplePlan(SampleMethod.Stratified, stratifyBy, size, margin);
    }

    private double? ReadMarginOfError(YamlNode node, string path)
    {
        if (_values.Number(node, path) is not { } margin)
        {
            return null;
        }

        if (margin is <= 0 or >= MaxMarginOfError)
        {
            _errors.Add(node, path,
                Invariant($"expected a margin of error above 0 and below {MaxMarginOfError} percentage points, got {margin}"));
            return null;
        }

        return margin;
    }

    private Dictionary<string, int>? ReadPopulation(FieldMap plan)
    {
        var population = new Dictionary<string, int>(StringComparer.Ordinal);
        if (plan.Optional("population") is not { } node)
        {
            return population;
        }

        if (_values.Mapping(node, plan.PathOf("population")) is not { } mapping)
        {
            return null;
        }

        var before = _errors.Count;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (_values.Text(keyNode, plan.PathOf("population")) is not { } segment)
            {
                continue;
            }

            var path = FieldPath.Child(plan.PathOf("population"), segment);
            if (_values.Integer(valueNode, path, 1, int.MaxValue, "a population count is the number of people in the segment") is { } count)
            {
                population[segment] = count;
            }
        }

        return _errors.Count == before ? population : null;
    }
}
