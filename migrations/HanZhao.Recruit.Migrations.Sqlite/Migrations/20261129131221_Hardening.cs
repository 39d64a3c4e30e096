using System;
using HanZhao.Recruit.Data.Applications;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ApplicationDocuments_ApplicationId",
                table: "ApplicationDocuments");

            migrationBuilder.AddColumn<int>(
                name: "ActiveContent",
                table: "ApplicationDocuments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PageCount",
                table: "ApplicationDocuments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Slot",
                table: "ApplicationDocuments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing documents get their places (and the surplus past the limits goes) before the unique index.
            foreach (var statement in DocumentSlotMigration.Statements)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.CreateTable(
                name: "LimitSlots",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LimitSlots", x => new { x.Key, x.Slot });
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationDocuments_ApplicationId_Kind_Slot",
                table: "ApplicationDocuments",
                columns: new[] { "ApplicationId", "Kind", "Slot" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_ApplicationDocuments_Slot",
                table: "ApplicationDocuments",
                sql: "Slot >= 0 AND (Slot = 0 OR (Kind = 'Other' AND Slot < 3))");

            migrationBuilder.CreateIndex(
                name: "IX_LimitSlots_ExpiresAtUtc",
                table: "LimitSlots",
                column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_ExpiresAtUtc",
                table: "UserSessions",
                column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId",
                table: "UserSessions",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LimitSlots");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropIndex(
                name: "IX_ApplicationDocuments_ApplicationId_Kind_Slot",
                table: "ApplicationDocuments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ApplicationDocuments_Slot",
                table: "ApplicationDocuments");

            migrationBuilder.DropColumn(
                name: "ActiveContent",
                table: "ApplicationDocuments");

            migrationBuilder.DropColumn(
                name: "PageCount",
                table: "ApplicationDocuments");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "ApplicationDocuments");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationDocuments_ApplicationId",
                table: "ApplicationDocuments",
                column: "ApplicationId");
        }
    }
}
