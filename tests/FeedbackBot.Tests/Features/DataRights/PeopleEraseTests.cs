using FeedbackBot.Core.Privacy;
using FeedbackBot.Data;
using FeedbackBot.Features.Audit;
using FeedbackBot.Features.DataRights;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.DataRights;

/// <summary><c>feedbackbot people erase PERSON</c>: no trace of them anywhere; aggregates and anonymous answers kept.</summary>
public sealed class PeopleEraseTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Erase_PersonWhoTouchedEveryFeature_LeavesNoTraceInAnyColumnOfAnyTable(DatabaseProvider provider)
    {
        var (rig, id) = await DataSubjectRig.CreateAsync(provider);
        await using var _ = rig;
        string[] needles = [DataSubjectRig.Token, id.ToString("D"), id.ToString("N")];
        Assert.NotEmpty(await DatabaseCatalog.FindAsync(rig.Database, needles));

        var run = await CliRun.RunAsync(rig.Database, "people", "erase", DataSubjectRig.Email);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("Erased: 1 person row(s), 1 customer contact(s), 1 evaluation(s) of them", run.Out, StringComparison.Ordinal);
        var traces = await DatabaseCatalog.FindAsync(rig.Database, needles);
        Assert.True(traces.Count == 0, "Left behind:\n" + string.Join('\n', traces));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Erase_PersonWhoTouchedEveryFeature_KeepsOthersDataAnswersAndAggregatesUnderTombstones(DatabaseProvider provider)
    {
        var (rig, _) = await DataSubjectRig.CreateAsync(provider);
        await using var __ = rig;
        var responses = await rig.WithDbAsync(db => db.Responses.CountAsync());

        await DataSubjectRig.RunAsync(rig, "people", "erase", DataSubjectRig.Email);

        Assert.Equal(responses, await rig.WithDbAsync(db => db.Responses.CountAsync()));
        Assert.Equal(["morgan"], await rig.WithDbAsync(db => db.People.Select(p => p.ChannelUserId!).ToListAsync()));
        var evaluation = await rig.WithDbAsync(db => db.Evaluations.SingleAsync());
        Assert.Equal((PersonErasure.Tombstone, (Guid?)null, "Found the billing error quickly."), (evaluation.Evaluator, evaluation.EvaluatorPersonId, evaluation.WentWell));
        var action = await rig.WithDbAsync(db => db.ImprovementActions.Include(a => a.Notes).SingleAsync());
        Assert.Equal((PersonErasure.Tombstone, PersonErasure.Tombstone), (action.Owner, action.CreatedBy));
        Assert.Equal("[erased] ([erased]) started.", Assert.Single(action.Notes).Text);
        Assert.Contains("Same as last time.", await rig.WithDbAsync(db => db.Reviews.Select(r => r.Document).SingleAsync()), StringComparison.Ordinal);
        Assert.Equal(["C-9002"], await rig.WithDbAsync(db => db.Contacts.Select(c => c.ContactKey).ToListAsync()));
    }

    [Fact]
    public async Task Erase_PulseAnswer_StaysButItsKeyCanNoLongerBeRecomputedFromThePlatformId()
    {
        var (rig, _) = await DataSubjectRig.CreateAsync(DatabaseProvider.Sqlite);
        await using var __ = rig;
        var (tenant, cycle) = await rig.WithDbAsync(async db =>
        {
            var c = await db.ReviewCycles.Include(r => r.Plan).SingleAsync(r => r.Plan!.Key == "staff-pulse");
            return (c.Plan!.TenantId, c.Id);
        });
        var secret = await rig.WithDbAsync(db => InstallationSecrets.GetOrCreateAsync(db, InstallationSecrets.RespondentKeyName, CancellationToken.None));
        var key = RespondentKey.ForStaff(secret, tenant, DataSubjectRig.User, cycle);
        Assert.Equal(1, await rig.WithDbAsync(db => db.Responses.CountAsync(r => r.RespondentKey == key)));

        await DataSubjectRig.RunAsync(rig, "people", "erase", DataSubjectRig.User);

        Assert.Equal(0, await rig.WithDbAsync(db => db.Responses.CountAsync(r => r.RespondentKey == key)));
        Assert.Equal(1, await rig.WithDbAsync(db => db.Responses.CountAsync(r => r.CycleId == cycle && r.Answers.Count > 0)));
    }

    [Fact]
    public async Task Erase_Twice_SecondRunFindsNothingAndSaysSo()
    {
        var (rig, _) = await DataSubjectRig.CreateAsync(DatabaseProvider.Sqlite);
        await using var __ = rig;
        await DataSubjectRig.RunAsync(rig, "people", "erase", DataSubjectRig.Email);

        var again = await CliRun.RunAsync(rig.Database, "people", "erase", DataSubjectRig.Email);

        Assert.Equal((0, "Nothing is stored about them: nothing to erase.\n"), (again.ExitCode, again.Out));
    }

    [Fact]
    public async Task Erase_Audited_AsTheFactWithAReferenceAndCountsNeverTheName()
    {
        var (rig, _) = await DataSubjectRig.CreateAsync(DatabaseProvider.Sqlite);
        await using var __ = rig;

        var run = await CliRun.RunAsync(rig.Database, "people", "erase", DataSubjectRig.Email);

        var entry = await rig.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditTrail.PersonErased));
        Assert.Equal(AuditTrail.CommandLine, entry.Actor);
        Assert.Matches("^erasure:[0-9a-f]{32}$", entry.Subject);
        Assert.Contains($"Reference for the request: {entry.Subject}.", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(DataSubjectRig.Token, entry.Detail!, StringComparison.OrdinalIgnoreCase);
        var exported = await rig.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditTrail.PersonExported).Select(a => a.Subject).ToListAsync());
        Assert.Contains(PersonErasure.Tombstone, exported);
    }
}
