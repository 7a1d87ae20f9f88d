using FeedbackBot.Core.Conversations;
using FeedbackBot.Data;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Tests.Conversations;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.Contacts;

/// <summary>What <c>status</c> says of a customer plan's cycle.</summary>
public sealed class CustomerStatusTests
{
    [Fact]
    public async Task Status_CustomerCycleWithEmailOff_SaysHowManyInvitationsWaitAndWhy()
    {
        await using var rig = await ConversationRig.CreateAsync(DatabaseProvider.Sqlite);
        await rig.MeetAsync("ada");
        await rig.ApplyExamplePlansAsync();
        using var folder = new TempFolder();
        var contacts = folder.Write("contacts.csv", "contact_id,email,region\nC-1,one@example.com,north\nC-2,two@example.com,south\nC-3,,north\n");
        Assert.Equal(0, (await CliRun.RunAsync(rig.Database, "import", "contacts", contacts, "--plan", ExampleData.CustomerPlan)).ExitCode);
        await rig.WithServicesAsync(async services =>
        {
            var planId = await services.GetRequiredService<FeedbackDbContext>().Plans.Where(p => p.Key == ExampleData.CustomerPlan).Select(p => p.Id).SingleAsync();
            return await services.GetRequiredService<CycleLifecycle>().OpenCycleAsync(planId, DateTimeOffset.UtcNow, CancellationToken.None);
        });

        var status = Assert.IsType<TextReply>(Assert.Single((await rig.SayAsync("ada", "status customer-experience")).Replies)).Text;

        Assert.Contains("Invited 2, answered 0 (0%).", status, StringComparison.Ordinal);
        Assert.Contains("E-mail is off here (Email:Smtp:Host is not set), so 2 customer invitations wait unsent; they go out when the bot runs with a mail server.", status, StringComparison.Ordinal);
    }
}
