using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static System.FormattableString;

namespace FeedbackBot.Core.Plans;

/// <summary>
/// Walks a plan file's top-level mapping and builds the plan, reporting every error it meets. Sections that
/// other sections refer to (audiences, features, questions) are read first; when one of them has an error,
/// references to it are not checked, so a single mistake is not reported again at every use.
/// </summary>
internal sealed partial class PlanReader(PlanErrors errors, PlanParserOptions options)
{
    private const int MaxNameLength = 200;

    private static readonly string[] TopLevelFields =
    [
        "id", "name", "description", "audiences", "features", "methods", "questions", "kpis", "schedule",
        "cycle_days", "cycle_length", "sample", "minimum_group_size", "min_days_between_invitations", "reminders", "post_to",
        "validation", "population", "themes", "scorecards", "qa_target", "qa_retention_days",
        "sustain_cycles", "value", "outcome", "strength_threshold",
        "complaint_resolution_standard", "retention_days",
    ];

    private readonly PlanErrors _errors = errors;
    private readonly ValueReader _values = new(errors);

    /// <summary>The plan's audiences when they were read without error; null otherwise.</summary>
    private List<Audience>? _audiences;

    /// <summary>The plan's features when they were read without error; null otherwise.</summary>
    private List<string>? _features;

    /// <summary>
    /// The type of every question whose id could be read (null when its type could not); null itself when the
    /// questions field is missing or is not a list.
    /// </summary>
    private Dictionary<string, QuestionType?>? _questionTypes;

    public MeasurementPlan? Read(YamlMappingNode root)
    {
        var plan = new FieldMap(root, "", _errors, TopLevelFields);

        var id = plan.Required("id", $"expected the plan's id: {Slugs.Rule}") is { } idNode
            ? _values.Slug(idNode, "id", "plan id")
            : null;
        var name = plan.Required("name", "expected the plan's display name") is { } nameNode
            ? _values.Text(nameNode, "name", MaxNameLength)
            : null;
        var description = plan.Optional("description") is { } descriptionNode
            ? _values.String(descriptionNode, "description")
            : null;

        _audiences = ReadAudiences(plan);
        _features = ReadFeatures(plan);
        var methods = ReadMethods(plan);
        var questions = ReadQuestions(plan);
        var kpis = ReadKpis(plan);
        var outcome = ReadOutcome(plan, kpis);
        var schedule = ReadSchedule(plan);
        var cycleDays = ReadOptionalInteger(plan, "cycle_days", 1, 366, 7);
        var (cycleLength, cycleLengthValid) = ReadCycleLength(plan);
        var sample = ReadSample(plan);
        var minimumGroupSize = ReadOptionalInteger(plan, "minimum_group_size", 3, int.MaxValue,
            MeasurementPlan.DefaultMinimumGroupSize, "smaller groups could identify the people in them");
        var minDaysBetweenInvitations = ReadOptionalInteger(plan, "min_days_between_invitations", 0, 366, 0);
        var reminders = ReadReminders(plan);
        var postTo = ReadPostTargets(plan);
        var validation = ReadValidation(plan);
        var population = ReadPopulation(plan);
        var themes = ReadThemes(plan);
        var qa = ReadQualityMonitoring(plan, kpis);
        var sustainErrors = _errors.Count;
        var sustainCycles = plan.Optional("sustain_cycles") is { } sustainNode
            ? _values.Integer(sustainNode, plan.PathOf("sustain_cycles"), 1, MeasurementPlan.MaxSustainCycles)
            : null;
        var strengthThreshold = plan.Optional("strength_threshold") is { } thresholdNode
            ? _values.Integer(thresholdNode, plan.PathOf("strength_threshold"), 1, 100, "the percentage of top-box answers that makes a question a strength")
            : null;

        var value = ReadValue(plan, out var valueValid);
        var (resolutionStandard, resolutionStandardValid) = ReadComplaintResolutionStandard(plan);
        var retentionErrors = _errors.Count;
        var retentionDays = plan.Optional("retention_days") is { } retentionNode
            ? _values.Integer(retentionNode, plan.PathOf("retention_days"), MeasurementPlan.MinRetentionDays, MeasurementPlan.MaxRetentionDays,
                "how many days raw answers and comments are kept after their cycle closes")
            : null;

        if (_errors.Count > 0 || !valueValid || !resolutionStandardValid || id is null || name is null || _audiences is null || _features is null
            || methods is null || questions is null || kpis is null || cycleDays is null || !cycleLengthValid || sample is null
            || minimumGroupSize is null || minDaysBetweenInvitations is null || reminders is null || postTo is null
            || validation is null || population is null || themes is null || qa is null || _errors.Count > sustainErrors
            || _errors.Count > retentionErrors)
        {
            return null;
        }

        return new MeasurementPlan(
            id, name, description, _audiences, _features, questions, kpis, methods, schedule,
            cycleLength is { } length ? (int)Math.Ceiling(length.TotalDays) : cycleDays.Value,
            sample, minimumGroupSize.Value, minDaysBetweenInvitations.Value, reminders, postTo, validation,
            population, themes, cycleLength, _webLink, qa.Value.Scorecards, qa.Value.Target, qa.Value.RetentionDays, sustainCycles, value, outcome, strengthThreshold, resolutionStandard, retentionDays);
    }

    private List<Audience>? ReadAudiences(FieldMap plan)
    {
        var expected = $"expected a list of who is asked: {PlanVocabulary.Audiences.Expected}";
        return plan.Required("audiences", expected) is { } node
            ? ReadNameList(node, plan.PathOf("audiences"), PlanVocabulary.Audiences, "audience")
            : null;
    }

    private List<string>? ReadFeatures(FieldMap plan)
    {
        const string Expected = "expected a list of the service features measured, such as [responsiveness, empathy]";
        if (plan.Required("features", Expected) is not { } node
            || ReadNonEmptyList(node, plan.PathOf("features"), "feature") is not { } list)
        {
            return null;
        }

        var before = _errors.Count;
        var features = new List<string>();
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var path = FieldPath.Item(plan.PathOf("features"), i);
            if (_values.Slug(item, path, "feature name") is { } feature && IsFirst(seen, feature, item, path, "feature"))
            {
                features.Add(feature);
            }
        }

        return _errors.Count == before ? features : null;
    }

    /// <summary>A non-empty list of distinct names from a vocabulary; null when any item is wrong.</summary>
    private List<T>? ReadNameList<T>(YamlNode node, string path, Vocabulary<T> vocabulary, string what)
        where T : struct, Enum
    {
        if (ReadNonEmptyList(node, path, what) is not { } list)
        {
            return null;
        }

        var before = _errors.Count;
        var values = new List<T>();
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var itemPath = FieldPath.Item(path, i);
            if (_values.Name(item, itemPath, vocabulary, what) is { } value
                && IsFirst(seen, vocabulary.NameOf(value), item, itemPath, what))
            {
                values.Add(value);
            }
        }

        return _errors.Count == before ? values : null;
    }

    private YamlSequenceNode? ReadNonEmptyList(YamlNode node, string path, string what)
    {
        if (_values.List(node, path) is not { } list)
        {
            return null;
        }

        if (list.Children.Count == 0)
        {
            _errors.Add(list, path, $"expected at least one {what}");
            return null;
        }

        return list;
    }

    /// <summary>An optional list that may be empty: an absent field reads as an empty list.</summary>
    private YamlSequenceNode? ReadOptionalList(FieldMap fields, string key) =>
        fields.Optional(key) is { } node ? _values.List(node, fields.PathOf(key)) : new YamlSequenceNode();

    private int? ReadOptionalInteger(FieldMap fields, string key, int min, int max, int defaultValue, string? why = null) =>
        fields.Optional(key) is { } node ? _values.Integer(node, fields.PathOf(key), min, max, why) : defaultValue;

    /// <summary>Records the first use of an id or name; reports and returns false for a repeat.</summary>
    private bool IsFirst(Dictionary<string, Mark> seen, string value, YamlNode node, string path, string what)
    {
        if (seen.TryGetValue(value, out var first))
        {
            _errors.Add(node, path, Invariant($"duplicate {what} '{value}'; it is already used at line {first.Line}"));
            return false;
        }

        seen.Add(value, node.Start);
        return true;
    }

    /// <summary>Checks that a feature named by a question or theme is one of the plan's features.</summary>
    private string? ReadFeatureReference(FieldMap fields) =>
        fields.Optional("feature") is { } node ? ReadFeature(node, fields.PathOf("feature")) : null;

    /// <summary>A feature name that must be one of the plan's features (checked only when they were read without error).</summary>
    private string? ReadFeature(YamlNode node, string path)
    {
        if (_values.String(node, path) is not { } feature)
        {
            return null;
        }

        if (_features is not null && !_features.Contains(feature, StringComparer.Ordinal))
        {
            _errors.Add(node, path,
                $"unknown feature '{feature}'; {PlanVocabulary.DidYouMean(feature, _features)}expected one of the plan's features: {string.Join(", ", _features)}");
            return null;
        }

        return feature;
    }
}
