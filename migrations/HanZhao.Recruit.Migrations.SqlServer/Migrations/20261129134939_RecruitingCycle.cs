using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RecruitingCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAtUtc",
                table: "Intakes",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Routes",
                table: "Intakes",
                type: "int",
                nullable: false,
                defaultValue: 63);

            // Scores typed as text ("band 7") cannot become numbers: they are cleared, the test names mapped.
            migrationBuilder.Sql("""
UPDATE [Applications] SET [EnglishScore] = NULL WHERE [EnglishScore] IS NOT NULL AND TRY_CAST([EnglishScore] AS float) IS NULL;
""");
            migrationBuilder.Sql("""
UPDATE [Applications] SET [EnglishTest] = CASE UPPER(REPLACE(REPLACE([EnglishTest], '-', ''), ' ', ''))
    WHEN 'IELTS' THEN 'Ielts' WHEN 'TOEFL' THEN 'Toefl' WHEN 'CET4' THEN 'Cet4' WHEN 'CET6' THEN 'Cet6' WHEN 'GRE' THEN 'Gre' ELSE NULL END;
""");

            migrationBuilder.AlterColumn<double>(
                name: "EnglishScore",
                table: "Applications",
                type: "float",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(30)",
                oldMaxLength: 30,
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CohortSize",
                table: "Applications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "GpaPercent",
                table: "Applications",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Applications",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OfficialStepExpectedOn",
                table: "Applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RankPosition",
                table: "Applications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecommendationEligibility",
                table: "Applications",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "Applications",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "SummerCamps",
                table: "Applications",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApplicationMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RespondByUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationMilestones_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InterestRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Program = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Route = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Culture = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ConfirmTokenHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UnsubscribeTokenHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UnsubscribedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterestRegistrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationAnnouncements",
                columns: table => new
                {
                    RegistrationId = table.Column<int>(type: "int", nullable: false),
                    IntakeId = table.Column<int>(type: "int", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationAnnouncements", x => new { x.RegistrationId, x.IntakeId });
                    table.ForeignKey(
                        name: "FK_RegistrationAnnouncements_Intakes_IntakeId",
                        column: x => x.IntakeId,
                        principalTable: "Intakes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RegistrationAnnouncements_InterestRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "InterestRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_IntakeId_Program_Route",
                table: "Applications",
                columns: new[] { "IntakeId", "Program", "Route" });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationMilestones_ApplicationId_Kind",
                table: "ApplicationMilestones",
                columns: new[] { "ApplicationId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InterestRegistrations_ConfirmTokenHash",
                table: "InterestRegistrations",
                column: "ConfirmTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_InterestRegistrations_Email_Program",
                table: "InterestRegistrations",
                columns: new[] { "Email", "Program" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InterestRegistrations_UnsubscribeTokenHash",
                table: "InterestRegistrations",
                column: "UnsubscribeTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationAnnouncements_IntakeId",
                table: "RegistrationAnnouncements",
                column: "IntakeId");

            // "3/120" becomes rank 3 of 120; any other text ("top 5%") cannot be read as two numbers and is left out.
            migrationBuilder.Sql("""
UPDATE [Applications] SET
    [RankPosition] = TRY_CAST(LTRIM(RTRIM(LEFT([Ranking], CHARINDEX('/', [Ranking]) - 1))) AS int),
    [CohortSize] = TRY_CAST(LTRIM(RTRIM(SUBSTRING([Ranking], CHARINDEX('/', [Ranking]) + 1, 50))) AS int)
WHERE CHARINDEX('/', [Ranking]) > 1;
""");
            migrationBuilder.Sql("""
UPDATE [Applications] SET [GpaPercent] = [Gpa] * 100.0 / [GpaScale] WHERE [Gpa] IS NOT NULL AND [GpaScale] > 0;
""");

            migrationBuilder.DropColumn(
                name: "Ranking",
                table: "Applications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationMilestones");

            migrationBuilder.DropTable(
                name: "RegistrationAnnouncements");

            migrationBuilder.DropTable(
                name: "InterestRegistrations");

            migrationBuilder.DropIndex(
                name: "IX_Applications_IntakeId_Program_Route",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ClosedAtUtc",
                table: "Intakes");

            migrationBuilder.DropColumn(
                name: "Routes",
                table: "Intakes");

            migrationBuilder.DropColumn(
                name: "CohortSize",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "GpaPercent",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "OfficialStepExpectedOn",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "RankPosition",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "RecommendationEligibility",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Route",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "SummerCamps",
                table: "Applications");

            migrationBuilder.AlterColumn<string>(
                name: "EnglishScore",
                table: "Applications",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true,
                oldClrType: typeof(double),
                oldType: "float",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ranking",
                table: "Applications",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);
        }
    }
}
