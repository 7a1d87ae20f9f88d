using System.Net;
using System.Text;
using System.Text.Json;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.CustomerSurveys;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.CustomerSurveys;

/// <summary>
/// <c>POST /s/{token}</c>: answers checked as the chat cards check them, stored once with the invitation they answer,
/// and refused, with what was wrong, when they cannot be.
/// </summary>
public sealed class SurveySubmitTests
{
    [Fact]
    public async Task Post_ValidForm_StoresOneResponseWithItsInvitationAndRedirectsToTheThanks()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite, SurveyPageTests.MixedPlan);
        var link = await rig.LinkAsync(i => (i.Agent, i.InteractionChannel, i.Segment, i.InteractionId) = ("Sam Lee", "phone", "north", "T-1001"), "service-check");

        var posted = await rig.PostFormAsync(link, ("customer_speed", "4"), ("ease", "2"), ("channels", "Email"), ("channels", "Phone"), ("comment", "Quick and kind."));
        var thanks = await rig.Client.GetAsync(new Uri(new Uri(rig.Client.BaseAddress!, link), posted.Headers.Location!));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal(link + "/thanks", thanks.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("<h1>Thank you</h1>", await SurveyRig.BodyAsync(thanks, HttpStatusCode.OK), StringComparison.Ordinal);

        var response = Assert.Single(await rig.ResponsesAsync());
        await using var db = rig.Database.CreateContext();
        var invitation = await db.Invitations.SingleAsync();
        Assert.Equal(invitation.Id, response.InvitationId);
        Assert.Equal(Audience.Customer, response.Audience);
        Assert.Equal(CollectionMethod.WebLink, response.Method);
        Assert.Equal(invitation.Id.ToString("D"), response.RespondentKey);
        Assert.Equal(SurveyResponses.IdempotencyKey(invitation.Id), response.IdempotencyKey);
        Assert.Equal(("Sam Lee", "phone", "north"), (response.Agent, response.InteractionChannel, response.Segment));
        Assert.Equal(InvitationState.Answered, invitation.State);
        Assert.NotNull(invitation.AnsweredAt);

        var questions = await db.PlanQuestions.ToDictionaryAsync(q => q.Id, q => q.Key);
        var answers = response.Answers.ToDictionary(a => questions[a.QuestionId], a => (a.Value, a.Number));
        Assert.Equal(("4", (double?)4), answers["customer_speed"]);
        Assert.Equal(("2", (double?)2), answers["ease"]);
        Assert.Equal(("Phone;Email", (double?)null), answers["channels"]);
        Assert.Equal(("Quick and kind.", (double?)null), answers["comment"]);
    }

    [Fact]
    public async Task Post_InvitationOfAContact_StoresTheResponseUnderTheContactsKey()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var contactId = Guid.NewGuid();
        await using (var db = rig.Database.CreateContext())
        {
            var plan = await db.Plans.SingleAsync();
            db.Contacts.Add(new Contact { Id = contactId, TenantId = plan.TenantId, PlanId = plan.Id, ContactKey = "CRM-42", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var link = await rig.LinkAsync(i => (i.ContactId, i.Via) = (contactId, "email"));
        Assert.Equal(HttpStatusCode.SeeOther, (await rig.PostFormAsync(link, ("satisfaction", "5"))).StatusCode);

        Assert.Equal("CRM-42", Assert.Single(await rig.ResponsesAsync()).RespondentKey);
    }

    [Fact]
    public async Task Post_InvalidAnswers_ShowThePageAgainWithEachErrorBesideItsFieldAndTheValuesKept()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite, SurveyPageTests.MixedPlan);
        var link = await rig.LinkAsync(plan: "service-check");

        var response = await rig.PostFormAsync(link, ("ease", "9"), ("channels", "Email"), ("channels", "Fax"), ("comment", "Kept <as typed> & all"));
        var page = await SurveyRig.BodyAsync(response, HttpStatusCode.OK);

        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Service check</title>", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"error-summary\" role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#q-customer_speed-1\">How satisfied were you with how quickly we answered? – Please answer this question.</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#q-ease-1\">How easy was it to reach us? – Choose a number from 1 to 7.</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#q-channels-1\">Which ways did you contact us? – Choose from the options only.</a>", page, StringComparison.Ordinal);

        // Beside each question: the message, tied to the group by aria-describedby and marked invalid.
        Assert.Contains("aria-required=\"true\" aria-invalid=\"true\" aria-describedby=\"q-customer_speed-error\"", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" id=\"q-customer_speed-error\"><span class=\"visually-hidden\">Error: </span>Please answer this question.</p>", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"q-ease-error\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"q-channels-error\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("q-comment-error", page, StringComparison.Ordinal);

        // What was entered is still there; the value not on the scale is not.
        Assert.Contains("name=\"channels\" value=\"Email\" checked>", page, StringComparison.Ordinal);
        Assert.Contains(">Kept &lt;as typed&gt; &amp; all</textarea>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"ease\" value=\"9\"", page, StringComparison.Ordinal);
        Assert.Empty(await rig.ResponsesAsync());
    }

    [Fact]
    public async Task Post_InvalidJson_Is422WithTheErrorsByQuestionId()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();

        var response = await rig.PostJsonAsync(link, """{ "satisfaction": 6, "first_contact": "maybe", "contact_channel": "Carrier pigeon" }""");
        using var body = JsonDocument.Parse(await SurveyRig.BodyAsync(response, HttpStatusCode.UnprocessableEntity));

        var errors = body.RootElement.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["satisfaction"] = "Choose a number from 1 to 5.",
                ["first_contact"] = "Choose yes or no.",
                ["contact_channel"] = "Choose one of the options.",
            },
            errors);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await rig.ResponsesAsync());
    }

    [Fact]
    public async Task Post_ValidJson_StoresItAndSaysSo()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();

        var response = await rig.PostJsonAsync(link, """{ "satisfaction": 5, "recommend": "9", "first_contact": true, "contact_channel": "web chat" }""");
        using var body = JsonDocument.Parse(await SurveyRig.BodyAsync(response, HttpStatusCode.OK));

        Assert.Equal("answered", body.RootElement.GetProperty("status").GetString());
        var stored = Assert.Single(await rig.ResponsesAsync());
        await using var db = rig.Database.CreateContext();
        var questions = await db.PlanQuestions.ToDictionaryAsync(q => q.Id, q => q.Key);
        Assert.Equal(
            new Dictionary<string, string> { ["satisfaction"] = "5", ["recommend"] = "9", ["first_contact"] = "yes", ["contact_channel"] = "Web chat" },
            stored.Answers.ToDictionary(a => questions[a.QuestionId], a => a.Value));
    }

    [Fact]
    public async Task Post_SecondSubmission_SaysAlreadyAnsweredOr409AndStoresNothingMore()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();
        Assert.Equal(HttpStatusCode.SeeOther, (await rig.PostFormAsync(link, ("satisfaction", "2"))).StatusCode);

        var again = await rig.PostFormAsync(link, ("satisfaction", "5"));
        var script = await rig.PostJsonAsync(link, """{ "satisfaction": 5 }""");

        Assert.Contains("<h1>Already answered</h1>", await SurveyRig.BodyAsync(again, HttpStatusCode.OK), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await SurveyRig.BodyAsync(script, HttpStatusCode.Conflict));
        Assert.Equal("already_answered", body.RootElement.GetProperty("error").GetString());
        Assert.Equal("2", Assert.Single(Assert.Single(await rig.ResponsesAsync()).Answers).Value);
    }

    [Fact]
    public async Task Post_BodyLargerThanTheCap_Is413AndStoresNothing()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();

        var html = await rig.PostFormAsync(link, ("satisfaction", "4"), ("comment", new string('x', SurveyForm.MaxBytes)));
        var json = await rig.PostJsonAsync(link, $$"""{ "satisfaction": 4, "comment": "{{new string('x', SurveyForm.MaxBytes)}}" }""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, html.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, json.StatusCode);
        Assert.Empty(await rig.ResponsesAsync());
    }

    [Fact]
    public async Task Post_BadTokenWithAHugeBody_Is404BeforeTheBodyIsRead()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();

        var response = await rig.PostFormAsync(link[..^2] + "zz", ("comment", new string('x', SurveyForm.MaxBytes * 2)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await rig.ResponsesAsync());
    }

    [Fact]
    public async Task Post_AfterTheCycleEnds_Is410AndStoresNothing()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();
        rig.Clock.Advance(TimeSpan.FromDays(8));

        var html = await rig.PostFormAsync(link, ("satisfaction", "4"));
        var json = await rig.PostJsonAsync(link, """{ "satisfaction": 4 }""");

        Assert.Equal(HttpStatusCode.Gone, html.StatusCode);
        using var body = JsonDocument.Parse(await SurveyRig.BodyAsync(json, HttpStatusCode.Gone));
        Assert.Equal("closed", body.RootElement.GetProperty("error").GetString());
        Assert.Empty(await rig.ResponsesAsync());
    }

    [Theory]
    [InlineData("text/plain", "satisfaction=4", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "[4]", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{ \"satisfaction\": { \"value\": 4 } }", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{ \"satisfaction\": ", HttpStatusCode.BadRequest)]
    public async Task Post_BodyThatIsNotAnswers_IsRefusedAndStoresNothing(string contentType, string content, HttpStatusCode status)
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, link) { Content = new StringContent(content, Encoding.UTF8, contentType) };
        request.Headers.Accept.ParseAdd("application/json");
        var response = await rig.Client.SendAsync(request);

        using var body = JsonDocument.Parse(await SurveyRig.BodyAsync(response, status));
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
        Assert.Empty(await rig.ResponsesAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Post_ConcurrentSubmissionsOfOneLink_StoreOneResponse(DatabaseProvider provider)
    {
        await using var rig = await SurveyRig.StartAsync(provider);
        var link = await rig.LinkAsync();

        // A double click, a second tab and a retry, all at once.
        var posts = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => i % 2 == 0
            ? rig.PostFormAsync(link, ("satisfaction", "4"))
            : rig.PostJsonAsync(link, """{ "satisfaction": 4 }""")));

        var outcomes = await Task.WhenAll(posts.Select(async p => ((int)p.StatusCode, await p.Content.ReadAsStringAsync())));

        // One stored it (a redirect to the thanks, or "answered" for a script); every other was told it was answered already.
        Assert.Equal(1, outcomes.Count(o => o.Item1 == 303 || o.Item2.Contains("\"status\":\"answered\"", StringComparison.Ordinal)));
        Assert.All(
            outcomes.Where(o => o.Item1 != 303 && !o.Item2.Contains("\"status\":\"answered\"", StringComparison.Ordinal)),
            o => Assert.True(o.Item1 == 409 || o.Item2.Contains("<h1>Already answered</h1>", StringComparison.Ordinal), $"{o.Item1}: {o.Item2}"));
        Assert.Single(await rig.ResponsesAsync());
        await using var db = rig.Database.CreateContext();
        Assert.Equal(InvitationState.Answered, (await db.Invitations.SingleAsync()).State);
    }
}
