// Opens each .xlsx named on the command line with ExcelJS and prints one JSON line per file:
// every sheet's name, the first sheet's name, A1, the number of merged ranges, the page setup and the data validations it read.
// Exits 1 when ExcelJS refuses a file.
const ExcelJS = require('exceljs');

(async () => {
  for (const file of process.argv.slice(2)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    // ExcelJS keeps one validation per cell: count the distinct lists
    const lists = new Set(Object.values(sheet.dataValidations.model).filter(v => v.type === 'list').map(v => v.formulae.join())).size;
    console.log(JSON.stringify({
      file, sheet: sheet.name, sheets: workbook.worksheets.map(w => w.name), a1: sheet.getCell('A1').value, rows: sheet.rowCount,
      merges: Object.keys(sheet._merges).length, orientation: sheet.pageSetup.orientation,
      paperSize: sheet.pageSetup.paperSize, printArea: sheet.pageSetup.printArea ?? null, lists,
    }));
  }
})().catch(error => { console.error(`ExcelJS refused the workbook: ${error.message}`); process.exit(1); });
