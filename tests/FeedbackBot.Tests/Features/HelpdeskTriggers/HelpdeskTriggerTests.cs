using System.Net;
using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.HelpdeskTriggers;

public sealed class HelpdeskTriggerTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Post_SignedClosedInteraction_QueuesTheCustomersSurveyThePlansDelayLater(DatabaseProvider provider)
    {
        await using var host = await HelpdeskHost.StartAsync(provider, HelpdeskHost.Plan());
        var closedAt = DateTime.UtcNow.AddMinutes(-30);

        var response = await host.PostAsync(HelpdeskHost.Body(closedAt: closedAt));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("queued", answer.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("after-contact", answer.RootElement.GetProperty("plan").GetString());
        Assert.False(answer.RootElement.GetProperty("duplicate").GetBoolean());
        var sendAt = answer.RootElement.GetProperty("send_at").GetDateTime();
        Assert.InRange(sendAt, closedAt.AddHours(2).AddSeconds(-1), closedAt.AddHours(2).AddSeconds(1));

        await using var db = host.Database.CreateContext();
        var invitation = await db.Invitations.SingleAsync();
        Assert.Equal(("helpdesk", "T-1001", "Sam", "phone"), (invitation.Via, invitation.InteractionId, invitation.Agent, invitation.InteractionChannel));
        Assert.Null(invitation.PersonId);
        var cycle = await db.ReviewCycles.SingleAsync(c => c.Id == invitation.CycleId);
        Assert.Equal(CycleState.Open, cycle.State);
        Assert.NotNull(cycle.StepsBookedAt);
        var email = await db.Outbox.SingleAsync(m => m.InvitationId == invitation.Id);
        Assert.Equal((OutboxKind.EmailInvitation, $"email-invite:{invitation.Id:N}"), (email.Kind, email.DedupeKey));
        Assert.InRange(email.NextAttemptAt, sendAt.AddSeconds(-1), sendAt.AddSeconds(1));
        var contact = await db.Contacts.SingleAsync();
        Assert.Equal(contact.Id, invitation.ContactId);
        Assert.DoesNotContain("ana@example.com", contact.EmailProtected, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ana@example.com", host.App.Services.GetRequiredService<ContactEmails>().Unprotect(contact.EmailProtected!));
        Assert.Equal("queued", (await db.HelpdeskInteractions.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task Post_PlanWithReminders_BooksAReminderRunAnIntervalAfterTheEmail()
    {
        // The cycle's chain of reminder runs may have ended before this invitation arrived: one is booked for it.
        await using var host = await HelpdeskHost.StartAsync(DatabaseProvider.Sqlite, HelpdeskHost.Plan(reminders: "count: 1\n  every: 1d"));
        var closedAt = DateTime.UtcNow;

        var response = await host.PostAsync(HelpdeskHost.Body(closedAt: closedAt));

        Assert.Equal("queued", await OutcomeAsync(response));
        var reminders = DueJobs.Scheduled(host.App.Services).Where(j => j.Name.Contains("remind", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(
            reminders.Any(j => Math.Abs((j.EnqueueAt - closedAt.AddHours(2).AddDays(1)).TotalSeconds) < 2),
            string.Join("; ", DueJobs.Scheduled(host.App.Services)));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Post_SameInteractionAgain_AnswersTheFirstOutcomeAndStoresNothingMore(DatabaseProvider provider)
    {
        await using var host = await HelpdeskHost.StartAsync(provider, HelpdeskHost.Plan());
        var body = HelpdeskHost.Body();

        var first = await host.PostAsync(body);
        var concurrent = await Task.WhenAll(host.PostAsync(body), host.PostAsync(body), host.PostAsync(body));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        foreach (var again in concurrent)
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            using var answer = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
            Assert.Equal("queued", answer.RootElement.GetProperty("outcome").GetString());
            Assert.True(answer.RootElement.GetProperty("duplicate").GetBoolean());
        }

        await using var db = host.Database.CreateContext();
        Assert.Equal(1, await db.Invitations.CountAsync());
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.Kind == OutboxKind.EmailInvitation));
        Assert.Equal(1, await db.HelpdeskInteractions.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Post_InteractionsDeliveredAtOnce_OneRecordEach(DatabaseProvider provider)
    {
        await using var host = await HelpdeskHost.StartAsync(provider, HelpdeskHost.Plan());

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(n =>
            host.PostAsync(HelpdeskHost.Body(interaction: $"T-{n % 3}", customer: $"C-{n % 3}", email: $"c{n % 3}@example.com"))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, r.StatusCode.ToString()));
        await using var db = host.Database.CreateContext();
        Assert.Equal(3, await db.HelpdeskInteractions.CountAsync());
        Assert.Equal(3, await db.Invitations.CountAsync());
        Assert.Equal(1, await db.ReviewCycles.CountAsync());
    }

    public static TheoryData<string, string?, Action<HttpRequestMessage>?> Forgeries => new()
    {
        { "unsigned", null, null },
        { "wrong secret", "another-secret-of-enough-length-000", null },
        { "stale", HelpdeskHost.Secret, null },
        { "body changed after signing", HelpdeskHost.Secret, r => r.Content = new StringContent(HelpdeskHost.Body(customer: "C-forged"), System.Text.Encoding.UTF8, "application/json") },
        { "signature not hex", HelpdeskHost.Secret, r => Replace(r, "X-FeedbackBot-Signature", "v1=" + new string('z', 64)) },
        { "other scheme", HelpdeskHost.Secret, r => Replace(r, "X-FeedbackBot-Signature", "v0=" + new string('0', 64)) },
        { "timestamp not a number", HelpdeskHost.Secret, r => Replace(r, "X-FeedbackBot-Timestamp", "yesterday") },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Post_NotSignedWithTheSecret_Is401AndStoresNothing(string forgery, string? secret, Action<HttpRequestMessage>? tamper)
    {
        await using var host = await HelpdeskHost.StartAsync(DatabaseProvider.Sqlite, HelpdeskHost.Plan());
        var at = forgery == "stale" ? DateTimeOffset.UtcNow.AddMinutes(-6) : (DateTimeOffset?)null;

        var response = await host.PostAsync(HelpdeskHost.Body(), secret, at, tamper);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{forgery}: {response.StatusCode}");
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task Post_NoSecretConfigured_RefusesEverything()
    {
        await using var host = await HelpdeskHost.StartAsync(DatabaseProvider.Sqlite, HelpdeskHost.Plan(), secret: null);

        var response = await host.PostAsync(HelpdeskHost.Body());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Webhooks:Secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(host);
    }

    [Theory]
    [InlineData("not json", null)]
    [InlineData("[1, 2]", null)]
    [InlineData("""{"customer": {"id": "C-1"}, "closed_at": "2026-12-04T10:00:00Z"}""", "interaction_id")]
    [InlineData("""{"interaction_id": 12, "customer": {"id": "C-1"}, "closed_at": "2026-12-04T10:00:00Z"}""", "interaction_id")]
    [InlineData("""{"interaction_id": "T-1", "customer": "C-1", "closed_at": "2026-12-04T10:00:00Z"}""", "customer")]
    [InlineData("""{"interaction_id": "T-1", "customer": {"email": "a@example.com"}, "closed_at": "2026-12-04T10:00:00Z"}""", "customer.id")]
    [InlineData("""{"interaction_id": "T-1", "customer": {"id": "C-1", "email": "not-an-address"}, "closed_at": "2026-12-04T10:00:00Z"}""", "customer.email")]
    [InlineData("""{"interaction_id": "T-1", "customer": {"id": "C-1", "phone": "0123"}, "closed_at": "2026-12-04T10:00:00Z"}""", "customer.phone")]
    [InlineData("""{"interaction_id": "T-1", "customer": {"id": "C-1"}, "channel": "fax", "closed_at": "2026-12-04T10:00:00Z"}""", "channel")]
    [InlineData("""{"interaction_id": "T-1", "customer": {"id": "C-1"}, "closed_at": "2026-12-04 10:00"}""", "closed_at")]
    [InlineData("""{"interaction_id": "T-1", "customer": {"id": "C-1"}, "closed_at": "2026-12-04T10:00:00"}""", "closed_at")]
    [InlineData("""{"interaction_id": "T-1", "customer": {"id": "C-1"}}""", "closed_at")]
    [InlineData("""{"interaction_id": "T-1", "customer": {"id": "C-1"}, "closed_at": "2026-12-04T10:00:00Z", "priority": "high"}""", "priority")]
    [InlineData("""{"interaction_id": "T-1", "customer": {"id": "C-1"}, "closed_at": "2026-12-04T10:00:00Z", "plan": "no-such-plan"}""", "plan")]
    [InlineData("""{"interaction_id": "T-1", "customer": {"id": "C-1"}, "closed_at": "2026-12-04T10:00:00Z", "tenant": "slack:T404"}""", "tenant")]
    public async Task Post_BadBody_Is400NamingTheFieldAndStoresNothing(string body, string? field)
    {
        await using var host = await HelpdeskHost.StartAsync(DatabaseProvider.Sqlite, HelpdeskHost.Plan());

        var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, answer.RootElement.TryGetProperty("field", out var named) ? named.GetString() : null);
        Assert.False(string.IsNullOrWhiteSpace(answer.RootElement.GetProperty("error").GetString()));
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Is413AndStoresNothing()
    {
        await using var host = await HelpdeskHost.StartAsync(DatabaseProvider.Sqlite, HelpdeskHost.Plan());

        var response = await host.PostAsync(HelpdeskHost.Body(extra: $", \"padding\": \"{new string('x', 20_000)}\""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task Post_CustomerWhoUnsubscribed_IsRecordedAndNotAsked()
    {
        await using var host = await HelpdeskHost.StartAsync(DatabaseProvider.Sqlite, HelpdeskHost.Plan());
        await using (var db = host.Database.CreateContext())
        {
            var hash = await host.App.Services.GetRequiredService<ContactEmails>().HashAsync(" Ana@Example.com ", CancellationToken.None);
            db.EmailSuppressions.Add(new EmailSuppression { TenantId = await db.Tenants.Select(t => t.Id).SingleAsync(), EmailHash = hash, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var response = await host.PostAsync(HelpdeskHost.Body(email: "ana@example.com"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("unsubscribed", await OutcomeAsync(response));
        await using var check = host.Database.CreateContext();
        Assert.Empty(await check.Invitations.ToListAsync());
        Assert.Empty(await check.Outbox.Where(m => m.Kind == OutboxKind.EmailInvitation).ToListAsync());
    }

    [Fact]
    public async Task Post_SameAddressAskedRecently_IsLeftOutByTheFatigueRule()
    {
        await using var host = await HelpdeskHost.StartAsync(DatabaseProvider.Sqlite, HelpdeskHost.Plan(minDays: 30));

        var first = await host.PostAsync(HelpdeskHost.Body(interaction: "T-1", customer: "C-1", email: "ana@example.com"));
        var second = await host.PostAsync(HelpdeskHost.Body(interaction: "T-2", customer: "C-1-other-system", email: "ANA@example.com"));

        Assert.Equal("queued", await OutcomeAsync(first));
        Assert.Equal("fatigue", await OutcomeAsync(second));
        await using var db = host.Database.CreateContext();
        Assert.Equal(1, await db.Invitations.CountAsync());
    }

    [Fact]
    public async Task Post_NoEmailAddress_RecordsTheContactAndAsksNobody()
    {
        await using var host = await HelpdeskHost.StartAsync(DatabaseProvider.Sqlite, HelpdeskHost.Plan());

        var response = await host.PostAsync(HelpdeskHost.Body(email: null));

        Assert.Equal("no_email", await OutcomeAsync(response));
        await using var db = host.Database.CreateContext();
        Assert.Equal("C-77", (await db.Contacts.SingleAsync()).ContactKey);
        Assert.Empty(await db.Invitations.ToListAsync());
    }

    [Fact]
    public async Task Post_NoPlanTakesTriggers_IsRecordedAsNoPlan()
    {
        await using var host = await HelpdeskHost.StartAsync(DatabaseProvider.Sqlite, HelpdeskHost.Plan(methods: "- web_link"));

        var response = await host.PostAsync(HelpdeskHost.Body());
        var named = await host.PostAsync(HelpdeskHost.Body(interaction: "T-2", extra: ", \"plan\": \"after-contact\""));

        Assert.Equal("no_plan", await OutcomeAsync(response));
        Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
        Assert.Contains("web_link", await named.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = host.Database.CreateContext();
        Assert.Empty(await db.Invitations.ToListAsync());
        Assert.Empty(await db.ReviewCycles.ToListAsync());
    }

    private static async Task<string?> OutcomeAsync(HttpResponseMessage response)
    {
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return answer.RootElement.GetProperty("outcome").GetString();
    }

    private static async Task AssertNothingStoredAsync(HelpdeskHost host)
    {
        await using var db = host.Database.CreateContext();
        Assert.Empty(await db.HelpdeskInteractions.ToListAsync());
        Assert.Empty(await db.Contacts.ToListAsync());
        Assert.Empty(await db.Invitations.ToListAsync());
        Assert.Empty(await db.ReviewCycles.ToListAsync());
    }

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.Add(header, value);
    }
}
