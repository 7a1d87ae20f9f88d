using System.Text.Json;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Playground;

namespace FeedbackBot.Adapters.Playground;

/// <summary>Reads a JSON request body of bounded size; an empty body is no value, not an error.</summary>
internal static class JsonBody
{
    public sealed record Read<T>(T? Value, DirectLineResult<T>? Error)
        where T : class;

    public static async Task<Read<T>> ReadAsync<T>(HttpRequest request, int limit, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > limit)
        {
            return TooLarge<T>(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return TooLarge<T>(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return new Read<T>(null, null);
        }

        // A form or text/plain post can come from any web page without a CORS preflight; JSON cannot.
        if (!request.HasJsonContentType())
        {
            return new Read<T>(null, DirectLineResult.Fail<T>(DirectLineOutcome.UnsupportedMediaType, "Send the body as application/json."));
        }

        try
        {
            return new Read<T>(JsonSerializer.Deserialize<T>(buffer.ToArray(), ActivityJson.Options), null);
        }
        catch (JsonException e)
        {
            return new Read<T>(null, DirectLineResult.Fail<T>(DirectLineOutcome.BadRequest, $"The body is not valid JSON for this call: {e.Message}"));
        }
    }

    private static Read<T> TooLarge<T>(int limit)
        where T : class =>
        new(null, DirectLineResult.Fail<T>(DirectLineOutcome.TooLarge, $"The body is larger than {limit} bytes."));
}
