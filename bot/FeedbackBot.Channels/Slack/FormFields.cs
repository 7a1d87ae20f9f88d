using System.Text;

namespace FeedbackBot.Channels.Slack;

/// <summary>
/// Decodes an <c>application/x-www-form-urlencoded</c> body, as Slack sends interactions and slash commands. The first
/// value of a repeated field wins; a field without <c>=</c> has an empty value.
/// </summary>
internal static class FormFields
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryParse(ReadOnlySpan<byte> body, out IReadOnlyDictionary<string, string> fields, out string error)
    {
        string text;
        try
        {
            text = Strict.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            fields = new Dictionary<string, string>();
            error = "the form body is not UTF-8 text";
            return false;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            result.TryAdd(name, value);
        }

        fields = result;
        error = "";
        return true;
    }

    // '+' is a space in form encoding but not in URI encoding, so it must be replaced before unescaping.
    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
