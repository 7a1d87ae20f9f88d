using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace FeedbackBot.Core.Plans;

/// <summary>Turns a plan file's text into the mapping at its top, reporting problems with the file as a whole.</summary>
internal static class PlanDocumentLoader
{
    private const string EmptyMessage =
        "the file is empty; expected a plan with at least id, name, audiences, features and questions";

    public static YamlMappingNode? Load(string yaml, PlanErrors errors)
    {
        var events = ReadEvents(yaml, errors);
        if (events is null)
        {
            return null;
        }

        var documentStarts = events.OfType<DocumentStart>().ToList();
        if (documentStarts.Count == 0)
        {
            errors.Add(1, 1, "", EmptyMessage);
            return null;
        }

        if (documentStarts.Count > 1)
        {
            errors.Add(documentStarts[1].Start, "",
                "the file holds more than one YAML document (a second '---'); put each plan in a file of its own");

            // Reading on into the first document still shows its author every other error.
            events = [.. events.TakeWhile(e => !ReferenceEquals(e, documentStarts[1])), events[^1]];
        }

        var filtered = DuplicateKeyFilter.Filter(events, errors);
        if (!AliasesAreDefined(filtered, errors))
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new ReplayParser(filtered));
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start, "", "invalid YAML: " + Uncapitalise(ex.Message));
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (ValueReader.IsNull(root))
        {
            errors.Add(documentStarts[0].Start, "", EmptyMessage);
            return null;
        }

        if (root is not YamlMappingNode mapping)
        {
            errors.Add(root.Start, "",
                $"expected a plan (a mapping of fields such as 'id: ...' and 'name: ...') at the top of the file, got {ValueReader.Describe(root)}");
            return null;
        }

        return mapping;
    }

    /// <summary>Every parsing event, or null after reporting the syntax error that stopped the parser.</summary>
    private static List<ParsingEvent>? ReadEvents(string yaml, PlanErrors errors)
    {
        var events = new List<ParsingEvent>();
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                events.Add(parser.Current!);
            }
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start, "", "invalid YAML: " + Uncapitalise(ex.Message));
            return null;
        }

        return events;
    }

    /// <summary>
    /// Reports each alias whose anchor is not defined before it. YamlDotNet reports these without a position,
    /// which would leave the author searching the whole file.
    /// </summary>
    private static bool AliasesAreDefined(List<ParsingEvent> events, PlanErrors errors)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var defined = true;
        foreach (var e in events)
        {
            if (e is NodeEvent { Anchor.IsEmpty: false } node)
            {
                anchors.Add(node.Anchor.Value);
            }
            else if (e is AnchorAlias alias && !anchors.Contains(alias.Value.Value))
            {
                errors.Add(alias.Start, "",
                    $"invalid YAML: the alias '*{alias.Value.Value}' refers to no anchor; define '&{alias.Value.Value}' on a value before it");
                defined = false;
            }
        }

        return defined;
    }

    private static string Uncapitalise(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
}
