using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LettersAndInterviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                table: "EmailMessages",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InterviewInvitations",
                columns: table => new
                {
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    IntakeId = table.Column<int>(type: "int", nullable: false),
                    InvitedById = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CalendarUid = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CalendarSequence = table.Column<int>(type: "int", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    OutcomeNotes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RatingKnowledge = table.Column<int>(type: "int", nullable: true),
                    RatingResearch = table.Column<int>(type: "int", nullable: true),
                    RatingCommunication = table.Column<int>(type: "int", nullable: true),
                    RatingMotivation = table.Column<int>(type: "int", nullable: true),
                    OutcomeRecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewInvitations", x => x.ApplicationId);
                    table.CheckConstraint("CK_InterviewInvitations_RatingCommunication", "RatingCommunication IS NULL OR RatingCommunication BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_InterviewInvitations_RatingKnowledge", "RatingKnowledge IS NULL OR RatingKnowledge BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_InterviewInvitations_RatingMotivation", "RatingMotivation IS NULL OR RatingMotivation BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_InterviewInvitations_RatingResearch", "RatingResearch IS NULL OR RatingResearch BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_InterviewInvitations_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InterviewInvitations_AspNetUsers_InvitedById",
                        column: x => x.InvitedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InterviewInvitations_Intakes_IntakeId",
                        column: x => x.IntakeId,
                        principalTable: "Intakes",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "InterviewSlots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IntakeId = table.Column<int>(type: "int", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LengthMinutes = table.Column<int>(type: "int", nullable: false),
                    Mode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Location = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    IsCancelled = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewSlots", x => x.Id);
                    table.CheckConstraint("CK_InterviewSlots_Capacity", "Capacity BETWEEN 1 AND 20");
                    table.CheckConstraint("CK_InterviewSlots_Length", "LengthMinutes BETWEEN 5 AND 480");
                    table.ForeignKey(
                        name: "FK_InterviewSlots_Intakes_IntakeId",
                        column: x => x.IntakeId,
                        principalTable: "Intakes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LetterRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    RefereeName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RefereeEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RefereeTitle = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RefereeInstitution = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Relationship = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Culture = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ApplicantWaivedAccess = table.Column<bool>(type: "bit", nullable: false),
                    TokenHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RemindersSent = table.Column<int>(type: "int", nullable: false),
                    LastReminderAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DeclineReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LetterText = table.Column<string>(type: "nvarchar(max)", maxLength: 30000, nullable: true),
                    RatingResearch = table.Column<int>(type: "int", nullable: true),
                    RatingIndependence = table.Column<int>(type: "int", nullable: true),
                    RatingCommunication = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterRequests", x => x.Id);
                    table.CheckConstraint("CK_LetterRequests_RatingCommunication", "RatingCommunication IS NULL OR RatingCommunication BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_LetterRequests_RatingIndependence", "RatingIndependence IS NULL OR RatingIndependence BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_LetterRequests_RatingResearch", "RatingResearch IS NULL OR RatingResearch BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_LetterRequests_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LetterRequirements",
                columns: table => new
                {
                    IntakeId = table.Column<int>(type: "int", nullable: false),
                    Route = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterRequirements", x => new { x.IntakeId, x.Route });
                    table.CheckConstraint("CK_LetterRequirements_Count", "Count BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_LetterRequirements_Intakes_IntakeId",
                        column: x => x.IntakeId,
                        principalTable: "Intakes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InterviewBookings",
                columns: table => new
                {
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    SlotId = table.Column<int>(type: "int", nullable: false),
                    Seat = table.Column<int>(type: "int", nullable: false),
                    BookedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReminderSentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewBookings", x => x.ApplicationId);
                    table.CheckConstraint("CK_InterviewBookings_Seat", "Seat >= 1");
                    table.ForeignKey(
                        name: "FK_InterviewBookings_InterviewInvitations_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "InterviewInvitations",
                        principalColumn: "ApplicationId",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InterviewBookings_InterviewSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "InterviewSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LetterContents",
                columns: table => new
                {
                    LetterRequestId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    PageCount = table.Column<int>(type: "int", nullable: false),
                    Bytes = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterContents", x => x.LetterRequestId);
                    table.ForeignKey(
                        name: "FK_LetterContents_LetterRequests_LetterRequestId",
                        column: x => x.LetterRequestId,
                        principalTable: "LetterRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InterviewBookings_SlotId_Seat",
                table: "InterviewBookings",
                columns: new[] { "SlotId", "Seat" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InterviewInvitations_CalendarUid",
                table: "InterviewInvitations",
                column: "CalendarUid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InterviewInvitations_IntakeId",
                table: "InterviewInvitations",
                column: "IntakeId");

            migrationBuilder.CreateIndex(
                name: "IX_InterviewInvitations_InvitedById",
                table: "InterviewInvitations",
                column: "InvitedById");

            migrationBuilder.CreateIndex(
                name: "IX_InterviewSlots_IntakeId_StartsAtUtc",
                table: "InterviewSlots",
                columns: new[] { "IntakeId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LetterRequests_ApplicationId_State",
                table: "LetterRequests",
                columns: new[] { "ApplicationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_LetterRequests_State_ExpiresAtUtc",
                table: "LetterRequests",
                columns: new[] { "State", "ExpiresAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LetterRequests_TokenHash",
                table: "LetterRequests",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InterviewBookings");

            migrationBuilder.DropTable(
                name: "LetterContents");

            migrationBuilder.DropTable(
                name: "LetterRequirements");

            migrationBuilder.DropTable(
                name: "InterviewInvitations");

            migrationBuilder.DropTable(
                name: "InterviewSlots");

            migrationBuilder.DropTable(
                name: "LetterRequests");

            migrationBuilder.DropColumn(
                name: "Calendar",
                table: "EmailMessages");
        }
    }
}
