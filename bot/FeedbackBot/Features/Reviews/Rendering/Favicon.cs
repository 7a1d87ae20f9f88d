namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>
/// The icon browsers show in a tab for FeedbackBot's pages: a speech bubble with a tick, as an SVG data URI, so a
/// report saved to disk carries it too and no page needs a request for it.
/// </summary>
internal static class Favicon
{
    /// <summary>The icon as a data URI, safe inside a double-quoted attribute.</summary>
    public const string DataUri =
        "data:image/svg+xml,%3Csvg xmlns='http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg' viewBox='0 0 32 32'%3E" +
        "%3Crect x='2' y='3' width='28' height='21' rx='5' fill='%232f6fb3'/%3E%3Cpath d='M8 23l-1 7 9-7z' fill='%232f6fb3'/%3E" +
        "%3Cpath d='M10 14l4 4 8-8' fill='none' stroke='%23fff' stroke-width='3' stroke-linecap='round' stroke-linejoin='round'/%3E%3C/svg%3E";

    /// <summary>The link element for a page's head.</summary>
    public const string Link = "<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + DataUri + "\">";
}
