using HanZhao.Recruit.Data.Migrations;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_IntakeId_Status_FullName",
                table: "Applications",
                columns: new[] { "IntakeId", "Status", "FullName" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_IntakeId_SubmittedAtUtc_Status_Program",
                table: "Applications",
                columns: new[] { "IntakeId", "SubmittedAtUtc", "Status", "Program" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Program_AverageScore_Id_Status",
                table: "Applications",
                columns: new[] { "Program", "AverageScore", "Id", "Status" });

            ListSpeedSql.Up(migrationBuilder, sqlServer: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ListSpeedSql.Down(migrationBuilder, sqlServer: false);

            migrationBuilder.DropIndex(
                name: "IX_Applications_IntakeId_Status_FullName",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_IntakeId_SubmittedAtUtc_Status_Program",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Program_AverageScore_Id_Status",
                table: "Applications");
        }
    }
}
