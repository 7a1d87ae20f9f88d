using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Data.Tests;

/// <summary>
/// The migrations are written by hand, so nothing generates them from the model. These tests are what keeps the
/// two in step: a database built by the migrations must have exactly the schema EF Core would create from the model.
/// </summary>
public sealed class MigrationsMatchModelTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Migrate_EmptyDatabase_YieldsExactlyTheModelSchema(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider);

        await using var migratedContext = migrated.CreateContext();
        await migratedContext.Database.MigrateAsync();
        await using var createdContext = created.CreateContext();
        await createdContext.Database.EnsureCreatedAsync();

        var fromMigrations = await SchemaDescription.ReadAsync(migratedContext);
        var fromModel = await SchemaDescription.ReadAsync(createdContext);

        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Migrations differ from the model.\nMissing from migrations:\n  {string.Join("\n  ", missing)}\nNot in the model:\n  {string.Join("\n  ", extra)}");

        // Guard against comparing two empty descriptions: every table of the model is really there.
        foreach (var table in createdContext.Model.GetEntityTypes().Select(e => e.GetTableName()))
        {
            Assert.Contains($"table {table}", fromMigrations);
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Migrate_EmptyDatabase_LeavesNoMigrationPending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var context = database.CreateContext();

        Assert.NotEmpty(await context.Database.GetPendingMigrationsAsync());
        await context.Database.MigrateAsync();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Migrate_Twice_IsHarmless(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = database.CreateContext())
        {
            await first.Database.MigrateAsync();
        }

        await using var second = database.CreateContext();
        await second.Database.MigrateAsync();

        Assert.Empty(await second.Database.GetPendingMigrationsAsync());
    }
}
