using System.Net;
using FeedbackBot.Data;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Infrastructure.Health;

public sealed class HealthEndpointTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Readyz_MigratedDatabase_Returns200(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database), migrate: true);
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("reachable and migrated", await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Readyz_DatabaseNotMigrated_Returns503UntilMigrated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await TestHost.StartAsync(CliRun.Settings(database), migrate: false);
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var before = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("Unhealthy", await before.Content.ReadAsStringAsync());

        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_DatabaseUnreachable_Returns503AndHealthzStays200()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Feedback"] = "Host=127.0.0.1;Port=1;Username=x;Timeout=2",
        };
        await using var app = await TestHost.StartAsync(settings, migrate: false);
        using var client = new HttpClient { BaseAddress = TestHost.Address(app) };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("cannot be reached", await ready.Content.ReadAsStringAsync());
    }
}
