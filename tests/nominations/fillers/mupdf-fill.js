// Fills a PDF form with MuPDF (mutool run mupdf-fill.js IN OUT VALUES.json), drawing each
// field's appearance as MuPDF does. Fields are found by name where this MuPDF tells it, else by
// their tooltip (/TU): MuPDF 1.21's JavaScript has no getName.
var args = scriptArgs;
var values = JSON.parse(read(args[2]));
var doc = new PDFDocument(args[0]);
var filled = 0;
for (var p = 0; p < doc.countPages(); p++) {
  var page = doc.loadPage(p);
  var widgets = page.getWidgets();
  for (var i = 0; i < widgets.length; i++) {
    var w = widgets[i];
    var key = typeof w.getName === 'function' ? w.getName() : w.getLabel();
    if (!(key in values) && typeof w.getLabel === 'function') key = w.getLabel();
    if (key in values) { w.setTextValue(values[key]); w.update(); filled++; }
  }
  page.update();
}
doc.save(args[1], 'incremental');
print('filled ' + filled);
