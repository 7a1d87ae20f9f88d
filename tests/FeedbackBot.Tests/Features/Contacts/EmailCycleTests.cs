using System.Text;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Contacts;

/// <summary>
/// A customer plan's cycles in the real bot, on Hangfire, e-mailing a real SMTP server on loopback: the plan's job
/// opens a cycle and invites its customers, one customer answers and one unsubscribes from the e-mail, the reminder
/// goes to the others once, and the next week's cycle asks everyone again but the one who unsubscribed. The clock is
/// stopped and jumps to each step; the jobs due by then are started (<see cref="DueJobs"/>) and Hangfire runs them.
/// </summary>
public sealed class EmailCycleTests
{
    [Fact]
    public async Task CustomerPlanCycles_OnHangfireWithALoopbackMailServer_InviteAndRemindOnceNobodyTwiceNobodyWhoUnsubscribed()
    {
        await using var rig = await EmailRig.CreateAsync(CustomerPlans.Plan(), CustomerPlans.Contacts("north", "south", "north", "midlands", "south") + "C-6,,T-6,Priya,phone,north\n");
        var app = await rig.StartAsync();
        var due = PlanJobNextRun(app);

        // Monday: the cycle opens and each customer with an address gets one invitation.
        DueJobs.JumpTo(rig.Clock, due.AddSeconds(1), app.Services);
        await rig.SettledOutboxAsync(5);
        Assert.Equal([1, 1, 1, 1, 1], Enumerable.Range(1, 5).Select(n => rig.Smtp.To(CustomerPlans.Address(n)).Count));

        // Customer 1 answers; customer 2 presses their mail program's "unsubscribe", which posts to the e-mail's link.
        await rig.WithDbAsync(db => db.Invitations.Where(i => i.Contact!.ContactKey == "C-1").ExecuteUpdateAsync(s => s.SetProperty(i => i.State, InvitationState.Answered)));
        var unsubscribe = new Uri(rig.Smtp.To(CustomerPlans.Address(2)).Single().Headers["List-Unsubscribe"]!.Trim('<', '>'));
        using (var http = new HttpClient { BaseAddress = TestHost.Address(app) })
        {
            using var response = await http.PostAsync(unsubscribe.AbsolutePath, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
            response.EnsureSuccessStatusCode();
        }

        // Wednesday: the reminder for those who have not answered; customer 2's is dropped when its turn comes.
        DueJobs.JumpTo(rig.Clock, due.AddDays(2).AddMinutes(1), app.Services);
        var rows = await rig.SettledOutboxAsync(9);
        var reminders = rig.Smtp.Messages.Where(m => m.Subject!.StartsWith("Reminder: ", StringComparison.Ordinal)).ToList();
        Assert.Equal([CustomerPlans.Address(3), CustomerPlans.Address(4), CustomerPlans.Address(5)], reminders.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(OutboxState.Failed, rows.Single(r => r.Kind == OutboxKind.EmailReminder && r.State != OutboxState.Sent).State);

        // The plan allows two reminders, but customers get one: once the reminder job is done, nothing more is booked.
        await Eventually.ThatAsync(() => Succeeded(app).Any(name => name.Contains("remind", StringComparison.Ordinal)), "the reminder job done");
        Assert.DoesNotContain(DueJobs.Scheduled(app.Services), job => job.Name.Contains("remind", StringComparison.Ordinal));

        // Next Monday: the cycle closes and the next one opens; it asks again everyone but customer 2.
        DueJobs.JumpTo(rig.Clock, due.AddDays(7).AddSeconds(1), app.Services);
        await rig.SettledOutboxAsync(13);
        Assert.Equal([2, 1, 3, 3, 3], Enumerable.Range(1, 5).Select(n => rig.Smtp.To(CustomerPlans.Address(n)).Count));
        var perCycle = await rig.WithDbAsync(db => db.Invitations.GroupBy(i => i.CycleId).Select(g => g.Count()).ToListAsync());
        Assert.Equal([4, 5], perCycle.Order());
        Assert.Equal(12, rig.Smtp.Messages.Count);
    }

    private static IEnumerable<string> Succeeded(Microsoft.AspNetCore.Builder.WebApplication app) =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().SucceededJobs(0, 1000).Select(j => FeedbackBot.Jobs.Scheduling.SchedulerOverview.DisplayName(j.Value.Job));

    private static DateTimeOffset PlanJobNextRun(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs([CustomerPlans.Key]).Single();
        return new DateTimeOffset(DateTime.SpecifyKind(job.NextExecution!.Value, DateTimeKind.Utc));
    }
}
