using HanZhao.Recruit.Data.Migrations;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RetentionCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_IntakeId_Program_Status",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationStatusChanges_ChangedAtUtc_ApplicationId",
                table: "ApplicationStatusChanges",
                columns: new[] { "ChangedAtUtc", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_IntakeId_Program_Status_Route",
                table: "Applications",
                columns: new[] { "IntakeId", "Program", "Status", "Route" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_KeepUntilUtc_IntakeId_Status",
                table: "Applications",
                columns: new[] { "KeepUntilUtc", "IntakeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_UpdatedAtUtc",
                table: "Applications",
                columns: new[] { "Status", "UpdatedAtUtc" });

            ApplicationCountsSql.Up(migrationBuilder, sqlServer: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ApplicationCountsSql.Down(migrationBuilder, sqlServer: false);

            migrationBuilder.DropIndex(
                name: "IX_ApplicationStatusChanges_ChangedAtUtc_ApplicationId",
                table: "ApplicationStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_Applications_IntakeId_Program_Status_Route",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_KeepUntilUtc_IntakeId_Status",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_UpdatedAtUtc",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_IntakeId_Program_Status",
                table: "Applications",
                columns: new[] { "IntakeId", "Program", "Status" });
        }
    }
}
