using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Features.Audit;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.DataRights;

/// <summary><c>feedbackbot people export PERSON</c>: everything stored about them, as JSON.</summary>
public sealed class PeopleExportTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Export_PersonWhoTouchedEveryFeature_ListsEveryRowTheyAreIn(DatabaseProvider provider)
    {
        var (rig, id) = await DataSubjectRig.CreateAsync(provider);
        await using var _ = rig;

        var run = await CliRun.RunAsync(rig.Database, "people", "export", DataSubjectRig.Email);

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        var person = Assert.Single(root.GetProperty("people").EnumerateArray());
        Assert.Equal(id, person.GetProperty("id").GetGuid());
        Assert.Equal((DataSubjectRig.Email, DataSubjectRig.User, "manager"), (person.GetProperty("email").GetString(), person.GetProperty("platform_user_id").GetString(), person.GetProperty("role").GetString()));
        Assert.Equal("team=billing", string.Join(';', person.GetProperty("segments").EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()}={s.GetProperty("value").GetString()}")));
        Assert.Equal("conv-" + DataSubjectRig.User, Assert.Single(person.GetProperty("conversations").EnumerateArray()).GetProperty("conversation_id").GetString());
        Assert.Equal("staff-pulse", Assert.Single(person.GetProperty("invitations").EnumerateArray()).GetProperty("plan").GetString());
        var about = Assert.Single(person.GetProperty("evaluations_about_them").EnumerateArray());
        Assert.Equal("Summarise the problem back before answering", Assert.Single(about.GetProperty("coaching_actions").EnumerateArray()).GetProperty("what").GetString());
        Assert.Equal("CALL-7002", Assert.Single(person.GetProperty("evaluations_by_them").EnumerateArray()).GetProperty("interaction_key").GetString());
        Assert.Equal("Shorten the wait", Assert.Single(person.GetProperty("improvement_actions").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal("CALL-7001", Assert.Single(person.GetProperty("interactions_handled").EnumerateArray()).GetProperty("interaction_key").GetString());
        Assert.NotEmpty(person.GetProperty("messages_queued_to_them").EnumerateArray());
        Assert.Contains(person.GetProperty("audit_entries").EnumerateArray(), a => a.GetProperty("action").GetString() == AuditTrail.RoleChanged);
        var contact = Assert.Single(root.GetProperty("customer_contacts").EnumerateArray());
        Assert.Equal(("C-9001", DataSubjectRig.Email, "customer-experience"), (contact.GetProperty("contact_key").GetString(), contact.GetProperty("email").GetString(), contact.GetProperty("plan").GetString()));
        Assert.Contains(root.GetProperty("not_included").EnumerateArray(), n => n.GetString()!.StartsWith("Staff pulse answers: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_ByPlatformIdToAFile_WritesTheFileAndAuditsTheExport()
    {
        var (rig, id) = await DataSubjectRig.CreateAsync(DatabaseProvider.Sqlite);
        await using var _ = rig;
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "zebulon.json");
        var before = await rig.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditTrail.PersonExported));

        var run = await CliRun.RunAsync(rig.Database, "people", "export", DataSubjectRig.User, "--out", file);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Out);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal(id, Assert.Single(json.RootElement.GetProperty("people").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty(json.RootElement.GetProperty("customer_contacts").EnumerateArray());
        var entries = await rig.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditTrail.PersonExported).OrderBy(a => a.At).ToListAsync());
        Assert.Equal(before + 1, entries.Count);
        Assert.Equal((AuditTrail.CommandLine, id.ToString("D")), (entries[^1].Actor, entries[^1].Subject));
    }

    [Fact]
    public async Task Export_Nobody_IsAUsageErrorAndAuditsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        await using (var before = database.CreateContext())
        {
            await before.AuditEntries.ExecuteDeleteAsync();
        }

        var run = await CliRun.RunAsync(database, "people", "export", "nobody@contoso.example");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Nobody in tenant local is 'nobody@contoso.example': nothing is stored about them, so there is nothing to export.", Assert.Single(run.ErrorLines));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }
}
