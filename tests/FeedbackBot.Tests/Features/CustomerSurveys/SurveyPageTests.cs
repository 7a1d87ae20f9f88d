using System.Net;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.CustomerSurveys;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.CustomerSurveys;

/// <summary><c>GET /s/{token}</c>: the survey in the plan's wording for a good link, and nothing of it for any other.</summary>
public sealed class SurveyPageTests
{
    /// <summary>A plan asking both audiences: the link shows the customers' questions only.</summary>
    internal const string MixedPlan = """
        id: service-check
        name: Service check
        audiences: [customer, staff]
        features: [speed]
        questions:
          - id: customer_speed
            text: How satisfied were you with how quickly we answered?
            type: rating5
            feature: speed
            audience: customer
            required: true
          - id: staff_speed
            text: We answer customers quickly.
            type: agree5
            feature: speed
            audience: staff
          - id: ease
            text: How easy was it to reach us?
            type: effort7
            audience: customer
          - id: channels
            text: Which ways did you contact us?
            type: multichoice
            options: [Phone, Email, Chat]
            audience: customer
          - id: comment
            text: Anything else you would like to tell us?
            type: text
            audience: customer
        """;

    [Fact]
    public async Task Get_OpenLink_ShowsTheCustomerQuestionsInThePlansWordingAsAFormWithoutScript()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite, MixedPlan);
        var link = await rig.LinkAsync(plan: "service-check");

        var page = await SurveyRig.BodyAsync(await rig.Client.GetAsync(link), HttpStatusCode.OK);

        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Service check</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("We answer customers quickly.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("staff_speed", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);

        // A scale is a fieldset of radios named by the question's id, with the chat cards' words on its ends, and
        // required in words and in ARIA.
        Assert.Contains("<legend id=\"q-customer_speed-legend\">How satisfied were you with how quickly we answered? <span class=\"required\">(required)</span></legend>", page, StringComparison.Ordinal);
        Assert.Contains("role=\"radiogroup\" aria-labelledby=\"q-customer_speed-legend\" aria-required=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"radio\" id=\"q-customer_speed-1\" name=\"customer_speed\" value=\"1\"> <span>1 – very dissatisfied</span>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"customer_speed\" value=\"5\"> <span>5 – very satisfied</span>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"ease\" value=\"7\"> <span>7 – very difficult</span>", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" id=\"q-channels-2\" name=\"channels\" value=\"Email\"> <span>Email</span>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"q-comment\">Anything else you would like to tell us?</label>", page, StringComparison.Ordinal);
        Assert.Contains("<textarea id=\"q-comment\" name=\"comment\" rows=\"5\" maxlength=\"4000\"></textarea>", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Send my answers</button>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AnyLinkGoodOrBad_CarriesTheStrictHeaders()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();

        foreach (var path in new[] { link, link[..^3] + "xyz", "/s/nothing" })
        {
            var response = await rig.Client.GetAsync(path);

            Assert.Equal(SurveyEndpoints.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Get_StyleSheet_IsTheBotsOwnServedBesideThePages()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var page = await rig.Client.GetStringAsync(await rig.LinkAsync());

        var style = await rig.Client.GetAsync("/s/survey.css");

        Assert.Contains("<link rel=\"stylesheet\" href=\"survey.css\">", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", style.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains(":focus-visible", await style.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Get_UnknownOrTamperedToken_Is404WithNoSurveyData(DatabaseProvider provider)
    {
        await using var rig = await SurveyRig.StartAsync(provider);
        var link = await rig.LinkAsync();
        var other = await rig.LinkAsync();
        var token = link["/s/".Length..];
        var parts = token.Split('.');
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var stretched = $"{parts[0]}.{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 86400}.{parts[2]}";
        var borrowed = $"{other["/s/".Length..].Split('.')[0]}.{parts[1]}.{parts[2]}";
        var unknown = $"{Guid.NewGuid():N}.{parts[1]}.{parts[2]}";

        foreach (var forged in new[] { tampered, stretched, borrowed, unknown, "not-a-token", parts[0], token + ".x" })
        {
            var response = await rig.Client.GetAsync("/s/" + forged);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{forged}: {response.StatusCode}");
            Assert.Contains("Survey not found", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Customer experience", body, StringComparison.Ordinal);
            Assert.DoesNotContain("satisfied", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_StaffInvitationWithASignedToken_Is404()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        await using var db = rig.Database.CreateContext();
        var tenant = await db.Tenants.SingleAsync();
        var person = new Person { Id = Guid.NewGuid(), TenantId = tenant.Id, ChannelUserId = "29:someone", DisplayName = "Someone", CreatedAt = DateTime.UtcNow };
        db.People.Add(person);
        await db.SaveChangesAsync();

        var link = await rig.LinkAsync(i => i.PersonId = person.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await rig.Client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Get_AfterTheCycleEnds_Is410WithNoSurveyData()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();

        rig.Clock.Advance(TimeSpan.FromDays(8));
        var response = await rig.Client.GetAsync(link);
        var body = await SurveyRig.BodyAsync(response, HttpStatusCode.Gone);

        Assert.Contains("This survey has closed", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Customer experience", body, StringComparison.Ordinal);
        Assert.DoesNotContain("satisfied", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CycleClosedBeforeItsEnd_Is410()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();
        await using (var db = rig.Database.CreateContext())
        {
            await db.ReviewCycles.ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CycleState.Closed));
        }

        Assert.Equal(HttpStatusCode.Gone, (await rig.Client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Get_AnsweredLink_SaysAlreadyAnsweredAndNothingElseOfTheSurvey()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();
        Assert.Equal(HttpStatusCode.SeeOther, (await rig.PostFormAsync(link, ("satisfaction", "4"))).StatusCode);

        var body = await SurveyRig.BodyAsync(await rig.Client.GetAsync(link), HttpStatusCode.OK);

        Assert.Contains("<h1>Already answered</h1>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Customer experience", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ThanksBeforeAnswering_LeadsBackToTheSurvey()
    {
        await using var rig = await SurveyRig.StartAsync(DatabaseProvider.Sqlite);
        var link = await rig.LinkAsync();

        var response = await rig.Client.GetAsync(link + "/thanks");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(link, new Uri(new Uri(rig.Client.BaseAddress!, link + "/thanks"), response.Headers.Location!).PathAndQuery);
    }
}
