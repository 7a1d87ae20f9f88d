using System.Text.Json;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Playground;

namespace FeedbackBot.Channels.Tests.Playground;

public sealed class UniversalActionFallbackTests
{
    [Fact]
    public void Apply_ExecuteWithSubmitFallback_BecomesTheFallback()
    {
        var card = Rewrite("""
            {"type":"AdaptiveCard","actions":[{"type":"Action.Execute","verb":"answer","title":"Send","data":{"q":1},
             "fallback":{"type":"Action.Submit","title":"Send answer","data":{"q":1,"verb":"answer"}}}]}
            """);

        var action = card.GetProperty("actions")[0];
        Assert.Equal("Action.Submit", action.GetProperty("type").GetString());
        Assert.Equal("Send answer", action.GetProperty("title").GetString());
        Assert.Equal("""{"q":1,"verb":"answer"}""", action.GetProperty("data").GetRawText());
    }

    [Fact]
    public void Apply_ExecuteWithoutFallback_BecomesSubmitWithItsDataAndVerb()
    {
        var card = Rewrite("""
            {"type":"AdaptiveCard","actions":[{"type":"Action.Execute","verb":"thanks","title":"Done","id":"done","style":"positive","data":{"cycle":"c1"}}]}
            """);

        var action = card.GetProperty("actions")[0];
        Assert.Equal("Action.Submit", action.GetProperty("type").GetString());
        Assert.Equal("Done", action.GetProperty("title").GetString());
        Assert.Equal("done", action.GetProperty("id").GetString());
        Assert.Equal("positive", action.GetProperty("style").GetString());
        Assert.Equal("""{"cycle":"c1","verb":"thanks"}""", action.GetProperty("data").GetRawText());
        Assert.False(action.TryGetProperty("verb", out _));
    }

    [Fact]
    public void Apply_ExecuteWithDropFallback_IsRemoved()
    {
        var card = Rewrite("""
            {"type":"AdaptiveCard","actions":[{"type":"Action.Execute","verb":"x","fallback":"drop"},{"type":"Action.OpenUrl","url":"http://localhost/"}]}
            """);

        Assert.Equal(["Action.OpenUrl"], card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("type").GetString()));
    }

    [Fact]
    public void Apply_ExecuteNestedInActionSetAndSelectAction_IsRewrittenToo()
    {
        var card = Rewrite("""
            {"type":"AdaptiveCard","body":[
              {"type":"ActionSet","actions":[{"type":"Action.Execute","verb":"a"}]},
              {"type":"Container","selectAction":{"type":"Action.Execute","verb":"b"},"items":[]}]}
            """);

        Assert.Equal("Action.Submit", card.GetProperty("body")[0].GetProperty("actions")[0].GetProperty("type").GetString());
        Assert.Equal("b", card.GetProperty("body")[1].GetProperty("selectAction").GetProperty("data").GetProperty("verb").GetString());
    }

    [Fact]
    public void Apply_NoAdaptiveCard_ReturnsTheSameActivity()
    {
        var activity = new Activity
        {
            Text = "hello",
            Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.hero", Content = Activities.Json("""{"title":"Action.Execute"}""") }],
        };

        Assert.Same(activity, UniversalActionFallback.Apply(activity));
    }

    private static JsonElement Rewrite(string card) =>
        UniversalActionFallback.Apply(Activities.Card(card)).Attachments![0].Content!.Value;
}
