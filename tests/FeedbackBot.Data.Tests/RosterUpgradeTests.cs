using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Tests;

/// <summary>
/// The migration that lets a person be known by e-mail alone rebuilds the people table on SQLite. Everyone already
/// stored keeps their segments and conversations: rebuilding must not cascade a delete to them.
/// </summary>
public sealed class RosterUpgradeTests
{
    private const string LastMigrationBeforeRosters = "20261204100000_SendLeases";

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Migrate_DatabaseWithPeople_KeepsThemWithTheirSegmentsAndConversations(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBeforeRosters);
        }

        var personId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            await StoredPlans.AddAsync(db, "staff-pulse", "0 9 * * 1");
            var tenantId = await db.Tenants.Select(t => t.Id).SingleAsync();
            var created = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO people (id, tenant_id, channel_user_id, display_name, role, created_at) VALUES ({personId}, {tenantId}, {"29:ana"}, {"Ana"}, {"Staff"}, {created})");
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO person_segments (person_id, name, value) VALUES ({personId}, {"team"}, {"billing"})");
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO conversation_references (id, tenant_id, person_id, conversation_id, updated_at) VALUES ({Guid.NewGuid()}, {tenantId}, {personId}, {"a:1"}, {created})");
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var check = database.CreateContext();
        var person = await check.People.Include(p => p.Segments).SingleAsync();
        Assert.Equal(("29:ana", "Ana", null as string), (person.ChannelUserId, person.DisplayName, person.Email));
        Assert.Equal("billing", Assert.Single(person.Segments).Value);
        Assert.Equal(personId, (await check.ConversationReferences.SingleAsync()).PersonId);
    }
}
