using System.Text.Json.Nodes;
using FeedbackBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Adapters.Teams;

/// <summary>The bot added to and removed from a Teams team: the team is what the people sync lists the members of.</summary>
public sealed class TeamsTeamInstallTests
{
    private const string TeamId = "19:8a7c6e5d4b3a49f1a2c3d4e5f6a7b8c9@thread.tacv2";

    [Fact]
    public async Task ConversationUpdate_BotAddedToATeam_RemembersTheTeamWithItsServiceUrl()
    {
        await using var rig = await TeamsRig.StartAsync();

        using var response = await rig.PostAsync(TeamActivity(rig, "install-1", "membersAdded"), rig.Token());

        response.EnsureSuccessStatusCode();
        await using var db = rig.Database.CreateContext();
        var reference = await db.ConversationReferences.SingleAsync(r => r.ConversationId == TeamId);
        Assert.Equal((TeamId, rig.Connector.ServiceUrl, (Guid?)null), (reference.TeamId, reference.ServiceUrl, reference.PersonId));
    }

    [Fact]
    public async Task ConversationUpdate_BotRemovedFromTheTeam_ForgetsTheTeamSoItsMembersAreNoLongerListed()
    {
        await using var rig = await TeamsRig.StartAsync();
        (await rig.PostAsync(TeamActivity(rig, "install-1", "membersAdded"), rig.Token())).EnsureSuccessStatusCode();

        using var response = await rig.PostAsync(TeamActivity(rig, "remove-1", "membersRemoved"), rig.Token());

        response.EnsureSuccessStatusCode();
        await using var db = rig.Database.CreateContext();
        Assert.Null((await db.ConversationReferences.SingleAsync(r => r.ConversationId == TeamId)).TeamId);
    }

    // A conversationUpdate in the team's General channel (whose id is the team's), the bot added or removed.
    private static JsonObject TeamActivity(TeamsRig rig, string id, string change) =>
        rig.Activity("conversationUpdate", id, new JsonObject
        {
            [change] = new JsonArray(new JsonObject { ["id"] = "28:" + FakeBotFrameworkIdentity.AppId }),
            ["conversation"] = new JsonObject { ["id"] = TeamId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TeamsRig.TenantId },
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = TeamsRig.TenantId },
                ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Customer support" },
                ["eventType"] = change == "membersAdded" ? "teamMemberAdded" : "teamMemberRemoved",
            },
        });
}
