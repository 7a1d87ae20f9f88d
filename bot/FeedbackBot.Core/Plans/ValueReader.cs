using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static System.FormattableString;

namespace FeedbackBot.Core.Plans;

/// <summary>
/// Reads typed values from YAML nodes. A node of the wrong kind is reported and read as null, so the caller can
/// carry on and find the file's other errors.
/// </summary>
internal sealed class ValueReader(PlanErrors errors)
{
    private const NumberStyles DecimalNumber =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Whether YAML reads the node as null: an empty value, <c>~</c> or <c>null</c>, unquoted.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>The node as an author would describe it, for "expected X, got Y" messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ when IsNull(node) => "nothing",
        YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar => $"'{scalar.Value}'",
        YamlScalarNode scalar => $"the quoted string '{scalar.Value}'",
        _ => "an alias",
    };

    public YamlMappingNode? Mapping(YamlNode node, string field)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        errors.Add(node, field, $"expected a mapping of fields (name: value), got {Describe(node)}");
        return null;
    }

    public YamlSequenceNode? List(YamlNode node, string field)
    {
        if (node is YamlSequenceNode list)
        {
            return list;
        }

        errors.Add(node, field, $"expected a list, got {Describe(node)}; write [a, b] or one '- item' per line");
        return null;
    }

    public string? String(YamlNode node, string field)
    {
        if (node is YamlScalarNode scalar && !IsNull(node))
        {
            return scalar.Value ?? "";
        }

        errors.Add(node, field, $"expected a string, got {Describe(node)}");
        return null;
    }

    /// <summary>A string that must have visible content and a bounded length.</summary>
    public string? Text(YamlNode node, string field, int? maxLength = null)
    {
        var text = String(node, field);
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(node, field, "must not be empty");
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(node, field, Invariant($"is {text.Length} characters long; expected at most {maxLength}"));
            return null;
        }

        return text;
    }

    public string? Slug(YamlNode node, string field, string what)
    {
        var text = String(node, field);
        if (text is null)
        {
            return null;
        }

        if (Slugs.IsValid(text))
        {
            return text;
        }

        errors.Add(node, field, $"'{text}' is not a valid {what}; expected {Slugs.Rule}");
        return null;
    }

    public T? Name<T>(YamlNode node, string field, Vocabulary<T> vocabulary, string what)
        where T : struct, Enum
    {
        var text = String(node, field);
        if (text is null)
        {
            return null;
        }

        if (vocabulary.TryGet(text, out var value))
        {
            return value;
        }

        errors.Add(node, field, $"unknown {what} '{text}'; {PlanVocabulary.DidYouMean(text, vocabulary.Names)}expected one of {vocabulary.Expected}");
        return null;
    }

    public bool? Boolean(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } text } scalar && !IsNull(node))
        {
            var value = ParseBoolean(text);
            if (value is not null && IsPlain(scalar))
            {
                return value;
            }

            if (value is not null)
            {
                errors.Add(node, field, $"expected true or false, got {Describe(node)}; write it without quotes");
                return null;
            }
        }

        errors.Add(node, field, $"expected true or false, got {Describe(node)}");
        return null;
    }

    /// <summary>A finite number; quoted numbers are refused because YAML reads them as strings.</summary>
    public double? Number(YamlNode node, string field)
    {
        var hint = "";
        if (node is YamlScalarNode { Value: { } text } scalar && !IsNull(node))
        {
            var value = ParseNumber(text);
            if (value is { } number && IsPlain(scalar))
            {
                if (double.IsFinite(number))
                {
                    return number;
                }

                hint = "; expected a finite number";
            }
            else if (value is not null)
            {
                hint = "; write numbers without quotes";
            }
            else if (text.Contains(".inf", StringComparison.OrdinalIgnoreCase) || text.Contains(".nan", StringComparison.OrdinalIgnoreCase))
            {
                hint = "; expected a finite number";
            }
            else if (text.EndsWith('%') && ParseNumber(text[..^1].TrimEnd()) is not null)
            {
                hint = $"; write percentages as plain numbers, such as {text[..^1].TrimEnd()}";
            }
        }

        errors.Add(node, field, $"expected a number, got {Describe(node)}{hint}");
        return null;
    }

    /// <summary>A whole number within bounds; <paramref name="why"/> explains a bound the author might not expect.</summary>
    public int? Integer(YamlNode node, string field, int min, int max, string? why = null)
    {
        var range = max == int.MaxValue
            ? Invariant($"a whole number of at least {min}")
            : Invariant($"a whole number from {min} to {max}");
        var reason = why is null ? "" : "; " + why;
        if (node is YamlScalarNode { Value: { } text } scalar && !IsNull(node))
        {
            if (IsPlain(scalar) && IsWholeNumber(text))
            {
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                {
                    return (int)value;
                }

                errors.Add(node, field, $"expected {range}, got {text}{reason}");
                return null;
            }

            var hint = !IsPlain(scalar) && IsWholeNumber(text) ? "; write numbers without quotes" : "";
            errors.Add(node, field, $"expected {range}, got {Describe(node)}{hint}");
            return null;
        }

        errors.Add(node, field, $"expected {range}, got {Describe(node)}");
        return null;
    }

    private static bool IsPlain(YamlScalarNode scalar) => scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;

    private static bool? ParseBoolean(string text) => text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    private static double? ParseNumber(string text) =>
        double.TryParse(text, DecimalNumber, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool IsWholeNumber(string text)
    {
        var digits = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }
}
