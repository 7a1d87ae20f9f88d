using System.Text.Json.Nodes;
using FeedbackBot.Channels.Teams;

namespace FeedbackBot.Channels.Tests.Teams;

public sealed class InvokeResponseTests
{
    [Fact]
    public void Card_ReplacesTheCard_StatusInTheBody()
    {
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Thanks"}]}""")!;

        var response = InvokeResponse.Card(card);

        Assert.Equal(200, response.Status);
        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Thanks"}]}}""",
            response.ToJson());
    }

    [Fact]
    public void Message_ShowsText()
    {
        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Saved"}""",
            InvokeResponse.Message("Saved").ToJson());
    }

    [Fact]
    public void Error_CarriesCodeAndMessage()
    {
        var response = InvokeResponse.Error(400, "invalidAnswer", "Choose a score from 1 to 5.");

        Assert.Equal(200, response.Status);
        Assert.Equal(
            """{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"invalidAnswer","message":"Choose a score from 1 to 5."}}""",
            response.ToJson());
    }

    [Fact]
    public void Error_SuccessStatus_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InvokeResponse.Error(200, "x", "y"));
    }
}
