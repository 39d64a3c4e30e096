using System;
using HanZhao.Recruit.Data.Migrations;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScaleAndInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQL Server refuses ALTER COLUMN on key columns: their constraints step aside (Data/Migrations/SqlServerRulesSql.cs).
            SqlServerRulesSql.DropKeys(migrationBuilder, sqlServer: false);

            migrationBuilder.AddColumn<double>(
                name: "AverageScore",
                table: "Applications",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "NormalisedScore",
                table: "Applications",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScoreCount",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ApplicationInterests",
                columns: table => new
                {
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResearchInterestId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationInterests", x => new { x.ApplicationId, x.ResearchInterestId });
                    table.ForeignKey(
                        name: "FK_ApplicationInterests_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApplicationInterests_ResearchInterests_ResearchInterestId",
                        column: x => x.ResearchInterestId,
                        principalTable: "ResearchInterests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Moves "1,3" into rows and fills the score figures before the old column goes (Data/Migrations/InterestsTableSql.cs).
            InterestsTableSql.Up(migrationBuilder, sqlServer: false);

            migrationBuilder.AddColumn<double>(
                name: "RankShare",
                table: "Applications",
                type: "REAL",
                nullable: true,
                computedColumnSql: "CAST(RankPosition AS float) / NULLIF(CohortSize, 0)",
                stored: false);

            migrationBuilder.AddColumn<int>(
                name: "StatusOrder",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "CASE Status WHEN 'Submitted' THEN 1 WHEN 'UnderReview' THEN 2 WHEN 'Interview' THEN 3 WHEN 'Offer' THEN 4 WHEN 'Accepted' THEN 5 WHEN 'Declined' THEN 6 WHEN 'Rejected' THEN 7 WHEN 'Withdrawn' THEN 8 ELSE 0 END",
                stored: false);

            migrationBuilder.DropColumn(
                name: "ResearchInterestIds",
                table: "Applications");

            migrationBuilder.CreateTable(
                name: "PeriodicRuns",
                columns: table => new
                {
                    JobId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RanAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodicRuns", x => new { x.JobId, x.Period });
                });

            migrationBuilder.CreateTable(
                name: "PublicContentVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicContentVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "PublicContentVersions",
                columns: new[] { "Id", "ChangedAtUtc", "Stamp" },
                values: new object[] { 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), new Guid("5f0c3a52-8d1e-4b8e-9a53-0d3c1f0a7b11") });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_AverageScore",
                table: "Applications",
                column: "AverageScore");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_EnglishTest_EnglishScore",
                table: "Applications",
                columns: new[] { "EnglishTest", "EnglishScore" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_FullName",
                table: "Applications",
                column: "FullName");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_GpaPercent",
                table: "Applications",
                column: "GpaPercent");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Institution",
                table: "Applications",
                column: "Institution");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Major",
                table: "Applications",
                column: "Major");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Program",
                table: "Applications",
                column: "Program");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_RankShare",
                table: "Applications",
                column: "RankShare");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Route",
                table: "Applications",
                column: "Route");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_StatusOrder",
                table: "Applications",
                column: "StatusOrder");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationInterests_ResearchInterestId_ApplicationId",
                table: "ApplicationInterests",
                columns: new[] { "ResearchInterestId", "ApplicationId" });

            SqlServerRulesSql.RestoreKeys(migrationBuilder, sqlServer: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SqlServerRulesSql.DropKeys(migrationBuilder, sqlServer: false);

            migrationBuilder.DropTable(
                name: "PeriodicRuns");

            migrationBuilder.DropTable(
                name: "PublicContentVersions");

            migrationBuilder.DropIndex(
                name: "IX_Applications_AverageScore",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_EnglishTest_EnglishScore",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_FullName",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_GpaPercent",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Institution",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Major",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Program",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_RankShare",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Route",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_StatusOrder",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "RankShare",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "StatusOrder",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "AverageScore",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "NormalisedScore",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ScoreCount",
                table: "Applications");

            migrationBuilder.AddColumn<string>(
                name: "ResearchInterestIds",
                table: "Applications",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            InterestsTableSql.Down(migrationBuilder, sqlServer: false);

            migrationBuilder.DropTable(
                name: "ApplicationInterests");

            SqlServerRulesSql.RestoreKeys(migrationBuilder, sqlServer: false);
        }
    }
}
