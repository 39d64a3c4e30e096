using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RetentionPeopleNewsPublications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AdmittedRetentionMonths",
                table: "ReviewSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Abstract",
                table: "Publications",
                type: "TEXT",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArxivUrl",
                table: "Publications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodeUrl",
                table: "Publications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsSelected",
                table: "Publications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Month",
                table: "Publications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "Publications",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Pages",
                table: "Publications",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProjectUrl",
                table: "Publications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Publisher",
                table: "Publications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlidesUrl",
                table: "Publications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VideoUrl",
                table: "Publications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Volume",
                table: "Publications",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MapUrl",
                table: "Profiles",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Orcid",
                table: "Profiles",
                type: "TEXT",
                maxLength: 19,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherLinks",
                table: "Profiles",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PhotoId",
                table: "Profiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentText",
                table: "Applications",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentVersion",
                table: "Applications",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "KeepUntilUtc",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetentionNoticeForUtc",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetentionNoticedAtUtc",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "News",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text_En = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Text_Zh = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_News", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Photos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Photos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Noticed = table.Column<int>(type: "INTEGER", nullable: false),
                    Erased = table.Column<int>(type: "INTEGER", nullable: false),
                    BodiesBlanked = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedExtended = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "LabMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChineseName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EndYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PhotoId = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Destination_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Destination_Zh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Topic_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Topic_Zh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabMembers_Photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PhotoRenditions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PhotoId = table.Column<int>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", maxLength: 2000000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhotoRenditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhotoRenditions_Photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_PhotoId",
                table: "Profiles",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_LabMembers_PhotoId",
                table: "LabMembers",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_LabMembers_SortOrder",
                table: "LabMembers",
                column: "SortOrder");

            migrationBuilder.CreateIndex(
                name: "IX_News_Date",
                table: "News",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_PhotoRenditions_PhotoId_Width",
                table: "PhotoRenditions",
                columns: new[] { "PhotoId", "Width" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Photos_Fingerprint",
                table: "Photos",
                column: "Fingerprint",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Profiles_Photos_PhotoId",
                table: "Profiles",
                column: "PhotoId",
                principalTable: "Photos",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Profiles_Photos_PhotoId",
                table: "Profiles");

            migrationBuilder.DropTable(
                name: "LabMembers");

            migrationBuilder.DropTable(
                name: "News");

            migrationBuilder.DropTable(
                name: "PhotoRenditions");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropTable(
                name: "Photos");

            migrationBuilder.DropIndex(
                name: "IX_Profiles_PhotoId",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "AdmittedRetentionMonths",
                table: "ReviewSettings");

            migrationBuilder.DropColumn(
                name: "Abstract",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "ArxivUrl",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "CodeUrl",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "IsSelected",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Month",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Pages",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "ProjectUrl",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Publisher",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "SlidesUrl",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "VideoUrl",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Volume",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "MapUrl",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "Orcid",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "OtherLinks",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "PhotoId",
                table: "Profiles");

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
