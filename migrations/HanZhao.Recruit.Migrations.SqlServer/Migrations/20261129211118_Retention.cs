using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AdmittedRetentionMonths",
                table: "ReviewSettings",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentText",
                table: "Applications",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentVersion",
                table: "Applications",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "KeepUntilUtc",
                table: "Applications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetentionNoticeForUtc",
                table: "Applications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetentionNoticedAtUtc",
                table: "Applications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Noticed = table.Column<int>(type: "int", nullable: false),
                    Erased = table.Column<int>(type: "int", nullable: false),
                    BodiesBlanked = table.Column<int>(type: "int", nullable: false),
                    SkippedExtended = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Day);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropColumn(
                name: "AdmittedRetentionMonths",
                table: "ReviewSettings");

            migrationBuilder.DropColumn(
                name: "ConsentText",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ConsentVersion",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "KeepUntilUtc",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "RetentionNoticeForUtc",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "RetentionNoticedAtUtc",
                table: "Applications");
        }
    }
}
