using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FeedbackBot.Core.Plans;

internal sealed partial class PlanReader
{
    private static readonly string[] WebLinkFields = ["delay"];

    private WebLinkSettings? _webLink;

    /// <summary>
    /// The methods of collection: names, any of which may instead be a one-key mapping that gives the method's
    /// settings. Only <c>web_link</c> has settings today (<c>- web_link: {delay: 2h}</c>).
    /// </summary>
    private List<CollectionMethod>? ReadMethods(FieldMap plan)
    {
        if (plan.Optional("methods") is not { } node)
        {
            return [CollectionMethod.Survey];
        }

        if (ReadNonEmptyList(node, plan.PathOf("methods"), "method") is not { } list)
        {
            return null;
        }

        var before = _errors.Count;
        var methods = new List<CollectionMethod>();
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var path = FieldPath.Item(plan.PathOf("methods"), i);
            var nameNode = item;
            if (item is YamlMappingNode mapping)
            {
                if (mapping.Children.Count != 1 || mapping.Children.Keys.Single() is not YamlScalarNode { Value: { } name } key)
                {
                    _errors.Add(item, path, "expected a method name, or one method with its settings such as 'web_link: {delay: 2h}'");
                    continue;
                }

                if (name != "web_link")
                {
                    _errors.Add(key, path, $"'{name}' takes no settings; write it as a plain name (only web_link has settings: delay)");
                    continue;
                }

                _webLink = ReadWebLink(mapping.Children[key], FieldPath.Child(path, "web_link"));
                nameNode = key;
            }

            if (_values.Name(nameNode, path, PlanVocabulary.Methods, "method") is { } method
                && IsFirst(seen, PlanVocabulary.Methods.NameOf(method), nameNode, path, "method"))
            {
                methods.Add(method);
            }
        }

        return _errors.Count == before ? methods : null;
    }

    private WebLinkSettings? ReadWebLink(YamlNode node, string path)
    {
        if (ValueReader.IsNull(node))
        {
            return null;
        }

        if (_values.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var fields = new FieldMap(mapping, path, _errors, WebLinkFields);
        if (fields.Optional("delay") is not { } delayNode || _values.String(delayNode, fields.PathOf("delay")) is not { } text)
        {
            return null;
        }

        if (!ReminderInterval.TryParse(text, out var delay, out _))
        {
            _errors.Add(delayNode, fields.PathOf("delay"), $"'{text}' is not a delay from 1m to 30d; expected {ReminderInterval.Format}");
            return null;
        }

        return new WebLinkSettings(delay);
    }
}
