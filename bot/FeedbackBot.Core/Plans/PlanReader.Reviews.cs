using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static System.FormattableString;

namespace FeedbackBot.Core.Plans;

/// <summary>Reads what shapes the reviews: where they are posted, which responses count, and the extra themes.</summary>
internal sealed partial class PlanReader
{
    private static readonly string[] PostTargetFields = ["channel", "conversation"];
    private static readonly string[] ValidationFields = ["min_seconds_per_question", "exclude_straight_liners"];
    private static readonly string[] ThemeFields = ["id", "label", "feature", "keywords"];

    private List<PostTarget>? ReadPostTargets(FieldMap plan)
    {
        if (ReadOptionalList(plan, "post_to") is not { } list)
        {
            return null;
        }

        var before = _errors.Count;
        var targets = new List<PostTarget>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = FieldPath.Item(plan.PathOf("post_to"), i);
            if (_values.Mapping(list.Children[i], path) is not { } mapping)
            {
                continue;
            }

            var fields = new FieldMap(mapping, path, _errors, PostTargetFields);
            var channel = fields.Required("channel", $"expected one of {PlanVocabulary.Channels.Expected}") is { } channelNode
                ? _values.Name(channelNode, fields.PathOf("channel"), PlanVocabulary.Channels, "channel")
                : null;
            var conversation = fields.Required("conversation", "expected the channel's id, such as 19:...@thread.tacv2 in Teams or C0123ABCD in Slack") is { } conversationNode
                ? _values.Text(conversationNode, fields.PathOf("conversation"))
                : null;
            if (channel is not null && conversation is not null)
            {
                targets.Add(new PostTarget(channel.Value, conversation));
            }
        }

        return _errors.Count == before ? targets : null;
    }

    private ValidationRules? ReadValidation(FieldMap plan)
    {
        if (plan.Optional("validation") is not { } node)
        {
            return ValidationRules.Default;
        }

        if (_values.Mapping(node, plan.PathOf("validation")) is not { } mapping)
        {
            return null;
        }

        var fields = new FieldMap(mapping, plan.PathOf("validation"), _errors, ValidationFields);
        var path = fields.PathOf("min_seconds_per_question");
        double? minSeconds = ValidationRules.Default.MinSecondsPerQuestion;
        if (fields.Optional("min_seconds_per_question") is { } secondsNode)
        {
            minSeconds = _values.Number(secondsNode, path);
            if (minSeconds < 0)
            {
                _errors.Add(secondsNode, path, Invariant($"expected a number of seconds of at least 0, got {minSeconds}"));
                minSeconds = null;
            }
        }

        var excludeStraightLiners = fields.Optional("exclude_straight_liners") is { } excludeNode
            ? _values.Boolean(excludeNode, fields.PathOf("exclude_straight_liners"))
            : ValidationRules.Default.ExcludeStraightLiners;

        return minSeconds is null || excludeStraightLiners is null
            ? null
            : new ValidationRules(minSeconds.Value, excludeStraightLiners.Value);
    }

    private List<ThemeDefinition>? ReadThemes(FieldMap plan)
    {
        if (ReadOptionalList(plan, "themes") is not { } list)
        {
            return null;
        }

        var before = _errors.Count;
        var themes = new List<ThemeDefinition>();
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (ReadTheme(list.Children[i], FieldPath.Item(plan.PathOf("themes"), i), seen) is { } theme)
            {
                themes.Add(theme);
            }
        }

        return _errors.Count == before ? themes : null;
    }

    private ThemeDefinition? ReadTheme(YamlNode node, string path, Dictionary<string, Mark> seen)
    {
        if (_values.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var fields = new FieldMap(mapping, path, _errors, ThemeFields);
        var idNode = fields.Required("id", $"expected the theme's id: {Slugs.Rule}");
        var id = idNode is null ? null : _values.Slug(idNode, fields.PathOf("id"), "theme id");
        if (idNode is not null && id is not null && !IsFirst(seen, id, idNode, fields.PathOf("id"), "theme id"))
        {
            id = null;
        }

        var label = fields.Required("label", "expected the theme's name as shown in reviews") is { } labelNode
            ? _values.Text(labelNode, fields.PathOf("label"))
            : null;
        var feature = ReadFeatureReference(fields);
        var keywords = fields.Required("keywords", "expected a list of words or phrases that mark a comment with this theme") is { } keywordsNode
            ? ReadKeywords(keywordsNode, fields.PathOf("keywords"))
            : null;

        return id is null || label is null || keywords is null ? null : new ThemeDefinition(id, label, feature, keywords);
    }

    private List<string>? ReadKeywords(YamlNode node, string path)
    {
        if (ReadNonEmptyList(node, path, "keyword") is not { } list)
        {
            return null;
        }

        var keywords = new List<string>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (_values.Text(list.Children[i], FieldPath.Item(path, i)) is { } keyword)
            {
                keywords.Add(keyword);
            }
        }

        return keywords.Count == list.Children.Count ? keywords : null;
    }
}
