using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_IntakeId",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_IntakeId_Program_Status",
                table: "Applications",
                columns: new[] { "IntakeId", "Program", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_SubmittedAtUtc_Status",
                table: "Applications",
                columns: new[] { "SubmittedAtUtc", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_IntakeId_Program_Status",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_SubmittedAtUtc_Status",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_IntakeId",
                table: "Applications",
                column: "IntakeId");
        }
    }
}
