using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LetterLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LetterLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LetterRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LetterLinks_LetterRequests_LetterRequestId",
                        column: x => x.LetterRequestId,
                        principalTable: "LetterRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LetterLinks_LetterRequestId",
                table: "LetterLinks",
                column: "LetterRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterLinks_TokenHash",
                table: "LetterLinks",
                column: "TokenHash",
                unique: true);

            // Links already emailed keep working: each request's token hash becomes its first link.
            migrationBuilder.Sql(
                "INSERT INTO LetterLinks (LetterRequestId, TokenHash, IssuedAtUtc) SELECT Id, TokenHash, RequestedAtUtc FROM LetterRequests");

            migrationBuilder.DropIndex(
                name: "IX_LetterRequests_TokenHash",
                table: "LetterRequests");

            migrationBuilder.DropColumn(
                name: "TokenHash",
                table: "LetterRequests");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TokenHash",
                table: "LetterRequests",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // The oldest link of each request becomes its token again; later reminders' links stop working.
            migrationBuilder.Sql(
                "UPDATE LetterRequests SET TokenHash = (SELECT l.TokenHash FROM LetterLinks l WHERE l.LetterRequestId = LetterRequests.Id AND l.Id = (SELECT MIN(m.Id) FROM LetterLinks m WHERE m.LetterRequestId = LetterRequests.Id)) WHERE EXISTS (SELECT 1 FROM LetterLinks l WHERE l.LetterRequestId = LetterRequests.Id)");

            migrationBuilder.CreateIndex(
                name: "IX_LetterRequests_TokenHash",
                table: "LetterRequests",
                column: "TokenHash",
                unique: true);

            migrationBuilder.DropTable(
                name: "LetterLinks");
        }
    }
}
