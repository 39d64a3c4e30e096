using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Workbench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AlertsDigestOnly",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DuplicateDismissals",
                columns: table => new
                {
                    FirstApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SecondApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DismissedById = table.Column<string>(type: "TEXT", nullable: false),
                    DismissedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateDismissals", x => new { x.FirstApplicationId, x.SecondApplicationId });
                    table.CheckConstraint("CK_DuplicateDismissals_Order", "FirstApplicationId < SecondApplicationId");
                    table.ForeignKey(
                        name: "FK_DuplicateDismissals_Applications_FirstApplicationId",
                        column: x => x.FirstApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DuplicateDismissals_Applications_SecondApplicationId",
                        column: x => x.SecondApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_DuplicateDismissals_AspNetUsers_DismissedById",
                        column: x => x.DismissedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    BlindScoring = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSettings", x => x.Id);
                    table.CheckConstraint("CK_ReviewSettings_Singleton", "Id = 1");
                });

            migrationBuilder.CreateTable(
                name: "SavedViews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedViews_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationDocuments_Sha256",
                table: "ApplicationDocuments",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateDismissals_DismissedById",
                table: "DuplicateDismissals",
                column: "DismissedById");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateDismissals_SecondApplicationId",
                table: "DuplicateDismissals",
                column: "SecondApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedViews_OwnerId_Name",
                table: "SavedViews",
                columns: new[] { "OwnerId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicateDismissals");

            migrationBuilder.DropTable(
                name: "ReviewSettings");

            migrationBuilder.DropTable(
                name: "SavedViews");

            migrationBuilder.DropIndex(
                name: "IX_ApplicationDocuments_Sha256",
                table: "ApplicationDocuments");

            migrationBuilder.DropColumn(
                name: "AlertsDigestOnly",
                table: "AspNetUsers");
        }
    }
}
