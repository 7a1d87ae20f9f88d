using System.Text;

namespace FeedbackBot.CommandLine;

/// <summary>Left-aligned columns separated by two spaces: readable in a terminal and easy to cut in a script.</summary>
internal static class TextTable
{
    public static string Format(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            var line = string.Join("  ", row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i])));
            text.AppendLine(line.TrimEnd());
        }

        return text.ToString();
    }
}
