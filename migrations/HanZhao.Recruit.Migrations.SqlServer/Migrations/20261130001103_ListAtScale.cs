using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ListAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApplicationInterests",
                columns: table => new
                {
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    ResearchInterestId = table.Column<int>(type: "int", nullable: false)
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

            migrationBuilder.AddColumn<double>(
                name: "AverageScore",
                table: "Applications",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "NormalisedScore",
                table: "Applications",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScoreCount",
                table: "Applications",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Moves "1,3" into rows and fills the score figures before the old column goes (Data/Migrations/InterestsTableSql.cs).
            HanZhao.Recruit.Data.Migrations.InterestsTableSql.Up(migrationBuilder, sqlServer: true);

            migrationBuilder.AddColumn<double>(
                name: "RankShare",
                table: "Applications",
                type: "float",
                nullable: true,
                computedColumnSql: "CAST(RankPosition AS float) / NULLIF(CohortSize, 0)",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "StatusOrder",
                table: "Applications",
                type: "int",
                nullable: false,
                computedColumnSql: "CASE Status WHEN 'Submitted' THEN 1 WHEN 'UnderReview' THEN 2 WHEN 'Interview' THEN 3 WHEN 'Offer' THEN 4 WHEN 'Accepted' THEN 5 WHEN 'Declined' THEN 6 WHEN 'Rejected' THEN 7 WHEN 'Withdrawn' THEN 8 ELSE 0 END",
                stored: false);

            migrationBuilder.DropColumn(
                name: "ResearchInterestIds",
                table: "Applications");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Writes the rows back as "1,3" before the table goes.
            HanZhao.Recruit.Data.Migrations.InterestsTableSql.Down(migrationBuilder, sqlServer: true);

            migrationBuilder.DropTable(
                name: "ApplicationInterests");
        }
    }
}
