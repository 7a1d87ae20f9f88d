using FeedbackBot.Channels.Resilience;
using FeedbackBot.CommandLine;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.People;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Tenancy;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Slack;
using FeedbackBot.Testing.Teams;
using FeedbackBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Features.People;

/// <summary>
/// A Teams tenant with the bot in one team, and a Slack workspace with the bot's token, both served by fakes on
/// loopback: the settings a bot (or the command line) would have to synchronise their rosters.
/// </summary>
internal sealed class PeopleSyncRig : IAsyncDisposable
{
    public const string TeamsTenant = "6a1b2c3d-0000-4000-8000-00000000c1c1";
    public const string TeamId = "19:8a7c6e5d4b3a49f1a2c3d4e5f6a7b8c9@thread.tacv2";
    public const string SlackTeam = FakeSlackWebApi.InstalledTeamId;

    private readonly FakeBotFrameworkIdentity _identity;
    private readonly FakeTokenEndpoint _tokens;

    private PeopleSyncRig(TestDatabase database, FakeBotFrameworkIdentity identity, FakeTokenEndpoint tokens, FakeConnector connector, FakeSlackWebApi slack, Dictionary<string, string?> settings)
    {
        Database = database;
        _identity = identity;
        _tokens = tokens;
        Connector = connector;
        Slack = slack;
        Settings = settings;
    }

    public TestDatabase Database { get; }

    public FakeConnector Connector { get; }

    public FakeSlackWebApi Slack { get; }

    public Dictionary<string, string?> Settings { get; }

    public Guid TeamsTenantId { get; private set; }

    public Guid SlackTenantId { get; private set; }

    public static async Task<PeopleSyncRig> StartAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var identity = await FakeBotFrameworkIdentity.StartAsync();
        var tokens = await FakeTokenEndpoint.StartAsync();
        var connector = await FakeConnector.StartAsync();
        var slack = await FakeSlackWebApi.StartAsync();
        var settings = TeamsSettings.For(database, identity, tokens);
        settings["Slack:BotToken"] = "xoxb-people-sync-rig";
        settings["Slack:SigningSecret"] = "people-sync-rig-signing-secret";
        settings["Slack:ApiBaseUrl"] = slack.ApiBaseUrl;
        var rig = new PeopleSyncRig(database, identity, tokens, connector, slack, settings);
        await rig.SeedTenantsAsync();
        return rig;
    }

    /// <summary><c>feedbackbot people sync</c> with <paramref name="args"/>, as an operator runs it.</summary>
    public Task<CliRun> SyncAsync(params string[] args) => CliRun.RunAsync(Settings, ["people", "sync", .. args]);

    /// <summary>
    /// The same command on services whose platform retries wait for nothing, for a platform that keeps failing:
    /// the outcome is the same as after the real waits, without them.
    /// </summary>
    public async Task<CliRun> SyncWithoutRetryWaitsAsync(string tenant)
    {
        await using var services = Services();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PeopleCommand.SyncAsync(services, new CliContext(output, error, Settings), TenantSelector.Parse(tenant), CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>What the scheduled job runs: every tenant, the platforms' retries waiting for nothing.</summary>
    public async Task SyncAllAsync()
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FeedbackBot.Jobs.People.IPeopleSync>().SyncAllAsync(CancellationToken.None);
    }

    /// <summary>A person chat created: their platform id, a personal conversation, no e-mail address and no roster.</summary>
    public async Task<Guid> AddChatPersonAsync(Guid tenantId, string userId, string name)
    {
        await using var db = Database.CreateContext();
        var person = new Person { Id = Guid.NewGuid(), TenantId = tenantId, ChannelUserId = userId, DisplayName = name, CreatedAt = DateTime.UtcNow };
        db.People.Add(person);
        db.ConversationReferences.Add(new ConversationReference { Id = Guid.NewGuid(), TenantId = tenantId, PersonId = person.Id, ConversationId = "D-" + userId, UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return person.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await Slack.DisposeAsync();
        await Connector.DisposeAsync();
        await _tokens.DisposeAsync();
        await _identity.DisposeAsync();
        await Database.DisposeAsync();
    }

    private ServiceProvider Services() =>
        CommandServices.WithPlatforms(
            AppConfiguration.Build([], new CliContext(TextWriter.Null, TextWriter.Null, Settings)),
            services => services.AddSingleton(new PlatformResilienceOptions { RetryClock = new RecordedDelays() }));

    private async Task SeedTenantsAsync()
    {
        await using var db = await Database.CreateMigratedContextAsync();
        var teams = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Teams, ExternalId = TeamsTenant, Name = "Contoso", CreatedAt = DateTime.UtcNow.AddDays(-2) };
        var slack = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Slack, ExternalId = SlackTeam, Name = "Contoso Slack", CreatedAt = DateTime.UtcNow.AddDays(-1) };
        db.Tenants.AddRange(teams, slack);
        // Where the bot was added to the team: its General channel, whose id is the team's.
        db.ConversationReferences.Add(new ConversationReference
        {
            Id = Guid.NewGuid(),
            TenantId = teams.Id,
            ConversationId = TeamId,
            TeamId = TeamId,
            ServiceUrl = Connector.ServiceUrl,
            UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        TeamsTenantId = teams.Id;
        SlackTenantId = slack.Id;
    }
}
