using System.Globalization;

namespace FeedbackBot.Core.Plans;

/// <summary>Builds the field paths that errors carry, such as <c>questions[2].type</c>.</summary>
internal static class FieldPath
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Item(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
