using HanZhao.Recruit.Data.Migrations;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A migration of its own, after every change to Applications: SQLite's generator rebuilds a
            // table at the end of a migration, and a rebuild drops the table's triggers (Data/Migrations/ApplicationSearchSql.cs).
            ApplicationSearchSql.Up(migrationBuilder, sqlServer: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ApplicationSearchSql.Down(migrationBuilder, sqlServer: false);
        }
    }
}
