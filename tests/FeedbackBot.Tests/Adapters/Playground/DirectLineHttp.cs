using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FeedbackBot.Tests.Adapters.Playground;

/// <summary>Direct Line calls as botframework-directlinejs makes them, over real HTTP.</summary>
internal sealed class DirectLineHttp(HttpClient client)
{
    public async Task<(string ConversationId, string Token)> StartAsync(string user)
    {
        using var response = await client.PostAsync("/v3/directline/conversations", Json(JsonSerializer.Serialize(new { user = new { id = user } })));
        response.EnsureSuccessStatusCode();
        var body = await BodyAsync(response);
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }

    public Task<HttpResponseMessage> PostAsync(string conversationId, string? token, string activityJson) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, Json(activityJson));

    public Task<HttpResponseMessage> GetAsync(string conversationId, string? token, string watermark = "") =>
        SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token, null);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
