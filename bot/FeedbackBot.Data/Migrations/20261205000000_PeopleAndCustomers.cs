using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackBot.Data.Migrations;

/// <summary>
/// Rosters (people known by e-mail before any platform matched them, where their entry came from, and who left) and
/// customers asked directly: contacts, their invitations and survey links, unsubscribes and helpdesk triggers.
/// </summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261205000000_PeopleAndCustomers")]
public sealed class PeopleAndCustomers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        if (t.IsPostgres)
        {
            migrationBuilder.AlterColumn<string>("channel_user_id", "people", type: t.String(200), maxLength: 200, nullable: true,
                oldType: t.String(200), oldMaxLength: 200, oldNullable: false);
            migrationBuilder.AddColumn<string>("email", "people", type: t.String(320), maxLength: 320, nullable: true);
            migrationBuilder.AddColumn<string>("roster_source", "people", type: t.String(16), maxLength: 16, nullable: true);
            migrationBuilder.AddColumn<DateTime>("left_at", "people", type: t.Timestamp, nullable: true);
        }
        else
        {
            // SQLite cannot make a column nullable in place: the table is built again beside the old one and swapped
            // in, with foreign keys off so that dropping the old table cascades to nothing.
            SqliteTableRebuild.Run(migrationBuilder, "people", name => CreatePeople(migrationBuilder, t, name, channelUserIdNullable: true),
                ["id", "tenant_id", "channel_user_id", "display_name", "role", "unreachable_since", "created_at"],
                () => migrationBuilder.CreateIndex("ix_people_tenant_id_channel_user_id", "people", ["tenant_id", "channel_user_id"], unique: true));
        }

        migrationBuilder.CreateIndex("ix_people_tenant_id_email", "people", ["tenant_id", "email"]);

        migrationBuilder.CreateTable(
            name: "contacts",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                plan_id = table.Column<Guid>(type: t.Guid, nullable: false),
                contact_key = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                email_protected = table.Column<string>(type: t.String(2000), maxLength: 2000, nullable: true),
                email_hash = table.Column<string>(type: t.String(64), maxLength: 64, nullable: true),
                segments = table.Column<string>(type: t.String(4000), maxLength: 4000, nullable: true),
                interaction_id = table.Column<string>(type: t.String(200), maxLength: 200, nullable: true),
                agent = table.Column<string>(type: t.String(200), maxLength: 200, nullable: true),
                interaction_channel = table.Column<string>(type: t.String(50), maxLength: 50, nullable: true),
                last_contact_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                updated_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_contacts", x => x.id);
                table.ForeignKey("fk_contacts_plans_plan_id", x => x.plan_id, "plans", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_contacts_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_contacts_plan_id_contact_key", "contacts", ["plan_id", "contact_key"], unique: true);
        migrationBuilder.CreateIndex("ix_contacts_tenant_id_email_hash", "contacts", ["tenant_id", "email_hash"]);

        migrationBuilder.CreateTable(
            name: "email_suppressions",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                email_hash = table.Column<string>(type: t.String(64), maxLength: 64, nullable: false),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_email_suppressions", x => new { x.tenant_id, x.email_hash });
                table.ForeignKey("fk_email_suppressions_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "helpdesk_interactions",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                interaction_key = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                closed_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                received_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                outcome = table.Column<string>(type: t.String(32), maxLength: 32, nullable: false),
                invitation_id = table.Column<Guid>(type: t.Guid, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_helpdesk_interactions", x => x.id);
                table.ForeignKey("fk_helpdesk_interactions_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_helpdesk_interactions_tenant_id_interaction_key", "helpdesk_interactions", ["tenant_id", "interaction_key"], unique: true);

        if (t.IsPostgres)
        {
            migrationBuilder.AlterColumn<Guid>("person_id", "invitations", type: t.Guid, nullable: true, oldType: t.Guid, oldNullable: false);
            migrationBuilder.AddColumn<Guid>("contact_id", "invitations", type: t.Guid, nullable: true);
            migrationBuilder.AddColumn<string>("via", "invitations", type: t.String(16), maxLength: 16, nullable: true);
            migrationBuilder.AddColumn<string>("interaction_id", "invitations", type: t.String(200), maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>("agent", "invitations", type: t.String(200), maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>("interaction_channel", "invitations", type: t.String(50), maxLength: 50, nullable: true);
            migrationBuilder.AddColumn<string>("segment", "invitations", type: t.String(200), maxLength: 200, nullable: true);
            migrationBuilder.AddForeignKey("fk_invitations_contacts_contact_id", "invitations", "contact_id", "contacts",
                principalColumn: "id", onDelete: ReferentialAction.SetNull);
        }
        else
        {
            SqliteTableRebuild.Run(migrationBuilder, "invitations", name => CreateInvitations(migrationBuilder, t, name, customers: true),
                ["id", "cycle_id", "person_id", "state", "created_at", "sent_at", "reminders_sent", "last_reminded_at", "answered_at"],
                () =>
                {
                    migrationBuilder.CreateIndex("ix_invitations_cycle_id_person_id", "invitations", ["cycle_id", "person_id"], unique: true);
                    migrationBuilder.CreateIndex("ix_invitations_person_id", "invitations", "person_id");
                });
        }

        migrationBuilder.CreateIndex("ix_invitations_cycle_id_contact_id", "invitations", ["cycle_id", "contact_id"], unique: true);
        migrationBuilder.CreateIndex("ix_invitations_contact_id", "invitations", "contact_id");

        // Deliberately not a foreign key: the model keeps no path from an answer to a person (staff responses never
        // set it; a customer invitation names a contact, never a person).
        migrationBuilder.AddColumn<Guid>("invitation_id", "responses", type: t.Guid, nullable: true);
        migrationBuilder.AddColumn<string>("agent", "responses", type: t.String(200), maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>("interaction_channel", "responses", type: t.String(50), maxLength: 50, nullable: true);
        migrationBuilder.CreateIndex("ix_responses_invitation_id", "responses", "invitation_id", unique: true);

        migrationBuilder.AddColumn<Guid>("invitation_id", "outbox_messages", type: t.Guid, nullable: true);
        migrationBuilder.CreateIndex("ix_outbox_messages_invitation_id", "outbox_messages", "invitation_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var t = new StoreTypes(migrationBuilder.ActiveProvider);

        migrationBuilder.DropIndex("ix_outbox_messages_invitation_id", "outbox_messages");
        migrationBuilder.DropColumn("invitation_id", "outbox_messages");

        migrationBuilder.DropIndex("ix_responses_invitation_id", "responses");
        migrationBuilder.DropColumn("invitation_id", "responses");
        migrationBuilder.DropColumn("agent", "responses");
        migrationBuilder.DropColumn("interaction_channel", "responses");

        // Customer invitations and people known only by e-mail cannot exist in the older schema.
        migrationBuilder.Sql("DELETE FROM invitations WHERE person_id IS NULL");
        migrationBuilder.Sql("DELETE FROM people WHERE channel_user_id IS NULL");
        migrationBuilder.DropIndex("ix_invitations_cycle_id_contact_id", "invitations");
        migrationBuilder.DropIndex("ix_invitations_contact_id", "invitations");
        migrationBuilder.DropIndex("ix_people_tenant_id_email", "people");
        if (t.IsPostgres)
        {
            migrationBuilder.DropForeignKey("fk_invitations_contacts_contact_id", "invitations");
            foreach (var column in new[] { "contact_id", "via", "interaction_id", "agent", "interaction_channel", "segment" })
            {
                migrationBuilder.DropColumn(column, "invitations");
            }

            migrationBuilder.AlterColumn<Guid>("person_id", "invitations", type: t.Guid, nullable: false, oldType: t.Guid, oldNullable: true);
            migrationBuilder.DropColumn("email", "people");
            migrationBuilder.DropColumn("roster_source", "people");
            migrationBuilder.DropColumn("left_at", "people");
            migrationBuilder.AlterColumn<string>("channel_user_id", "people", type: t.String(200), maxLength: 200, nullable: false,
                oldType: t.String(200), oldMaxLength: 200, oldNullable: true);
        }
        else
        {
            SqliteTableRebuild.Run(migrationBuilder, "invitations", name => CreateInvitations(migrationBuilder, t, name, customers: false),
                ["id", "cycle_id", "person_id", "state", "created_at", "sent_at", "reminders_sent", "last_reminded_at", "answered_at"],
                () =>
                {
                    migrationBuilder.CreateIndex("ix_invitations_cycle_id_person_id", "invitations", ["cycle_id", "person_id"], unique: true);
                    migrationBuilder.CreateIndex("ix_invitations_person_id", "invitations", "person_id");
                });
            SqliteTableRebuild.Run(migrationBuilder, "people", name => CreatePeople(migrationBuilder, t, name, channelUserIdNullable: false),
                ["id", "tenant_id", "channel_user_id", "display_name", "role", "unreachable_since", "created_at"],
                () => migrationBuilder.CreateIndex("ix_people_tenant_id_channel_user_id", "people", ["tenant_id", "channel_user_id"], unique: true));
        }

        migrationBuilder.DropTable("helpdesk_interactions");
        migrationBuilder.DropTable("email_suppressions");
        migrationBuilder.DropTable("contacts");
    }

    private static void CreatePeople(MigrationBuilder migrationBuilder, StoreTypes t, string name, bool channelUserIdNullable)
    {
        if (!channelUserIdNullable)
        {
            CreateOldPeople(migrationBuilder, t, name);
            return;
        }

        migrationBuilder.CreateTable(
            name: name,
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                channel_user_id = table.Column<string>(type: t.String(200), maxLength: 200, nullable: true),
                display_name = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                role = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                unreachable_since = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                email = table.Column<string>(type: t.String(320), maxLength: 320, nullable: true),
                roster_source = table.Column<string>(type: t.String(16), maxLength: 16, nullable: true),
                left_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_people", x => x.id);
                table.ForeignKey("fk_people_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });
    }

    private static void CreateOldPeople(MigrationBuilder migrationBuilder, StoreTypes t, string name) =>
        migrationBuilder.CreateTable(
            name: name,
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                tenant_id = table.Column<Guid>(type: t.Guid, nullable: false),
                channel_user_id = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                display_name = table.Column<string>(type: t.String(200), maxLength: 200, nullable: false),
                role = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                unreachable_since = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_people", x => x.id);
                table.ForeignKey("fk_people_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Cascade);
            });

    private static void CreateInvitations(MigrationBuilder migrationBuilder, StoreTypes t, string name, bool customers)
    {
        if (!customers)
        {
            CreateOldInvitations(migrationBuilder, t, name);
            return;
        }

        migrationBuilder.CreateTable(
            name: name,
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                cycle_id = table.Column<Guid>(type: t.Guid, nullable: false),
                person_id = table.Column<Guid>(type: t.Guid, nullable: true),
                state = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                sent_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                reminders_sent = table.Column<int>(type: t.Int, nullable: false),
                last_reminded_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                answered_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                contact_id = table.Column<Guid>(type: t.Guid, nullable: true),
                via = table.Column<string>(type: t.String(16), maxLength: 16, nullable: true),
                interaction_id = table.Column<string>(type: t.String(200), maxLength: 200, nullable: true),
                agent = table.Column<string>(type: t.String(200), maxLength: 200, nullable: true),
                interaction_channel = table.Column<string>(type: t.String(50), maxLength: 50, nullable: true),
                segment = table.Column<string>(type: t.String(200), maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_invitations", x => x.id);
                table.ForeignKey("fk_invitations_contacts_contact_id", x => x.contact_id, "contacts", "id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("fk_invitations_people_person_id", x => x.person_id, "people", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_invitations_review_cycles_cycle_id", x => x.cycle_id, "review_cycles", "id", onDelete: ReferentialAction.Cascade);
            });
    }

    private static void CreateOldInvitations(MigrationBuilder migrationBuilder, StoreTypes t, string name) =>
        migrationBuilder.CreateTable(
            name: name,
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                cycle_id = table.Column<Guid>(type: t.Guid, nullable: false),
                person_id = table.Column<Guid>(type: t.Guid, nullable: false),
                state = table.Column<string>(type: t.String(16), maxLength: 16, nullable: false),
                created_at = table.Column<DateTime>(type: t.Timestamp, nullable: false),
                sent_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                reminders_sent = table.Column<int>(type: t.Int, nullable: false),
                last_reminded_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
                answered_at = table.Column<DateTime>(type: t.Timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_invitations", x => x.id);
                table.ForeignKey("fk_invitations_people_person_id", x => x.person_id, "people", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_invitations_review_cycles_cycle_id", x => x.cycle_id, "review_cycles", "id", onDelete: ReferentialAction.Cascade);
            });
}
