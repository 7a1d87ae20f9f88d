using YamlDotNet.RepresentationModel;

namespace FeedbackBot.Core.Plans;

/// <summary>
/// The fields of one YAML mapping, checked against the names the format allows. Unknown names are reported here,
/// once, so that a misspelt optional field is never silently ignored.
/// </summary>
internal sealed class FieldMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);
    private readonly PlanErrors _errors;

    public FieldMap(YamlMappingNode node, string path, PlanErrors errors, IReadOnlyList<string> allowed)
    {
        Node = node;
        Path = path;
        _errors = errors;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalar || ValueReader.IsNull(key))
            {
                errors.Add(key, path, $"expected a field name, got {ValueReader.Describe(key)}");
                continue;
            }

            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(key, FieldPath.Child(path, name), $"unknown field '{name}'; {PlanVocabulary.DidYouMean(name, allowed)}expected one of {string.Join(", ", allowed)}");
                continue;
            }

            // The loader has already dropped repeated keys, so each name arrives once.
            _fields[name] = (scalar, value);
        }
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public string PathOf(string key) => FieldPath.Child(Path, key);

    /// <summary>The key node of a field that is written, even with no value; null when the field is absent.</summary>
    public YamlScalarNode? KeyOf(string key) => _fields.TryGetValue(key, out var field) ? field.Key : null;

    /// <summary>The field's value; null when it is absent or written with no value, which both mean "use the default".</summary>
    public YamlNode? Optional(string key) =>
        _fields.TryGetValue(key, out var field) && !ValueReader.IsNull(field.Value) ? field.Value : null;

    /// <summary>The field's value, or null after reporting that it is missing; <paramref name="expected"/> says what belongs there.</summary>
    public YamlNode? Required(string key, string expected)
    {
        if (!_fields.TryGetValue(key, out var field))
        {
            _errors.Add(Node, PathOf(key), $"missing required field '{key}'; {expected}");
            return null;
        }

        if (ValueReader.IsNull(field.Value))
        {
            _errors.Add(field.Key, PathOf(key), $"'{key}' has no value; {expected}");
            return null;
        }

        return field.Value;
    }
}
