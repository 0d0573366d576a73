// Share buttons of the feedback block: the browser's own clipboard and share sheet, no third
// party. Without JavaScript the link field and the e-mail link still work.
(function () {
  var block = document.getElementById('feedback');
  if (!block) { return; }
  var field = block.querySelector('.share-url');
  var url = field && field.value ? field.value : location.href;
  var title = document.title;
  var copy = block.querySelector('.share-copy');
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(url).then(function () { copy.textContent = 'Copied'; });
    });
  }
  var sheet = block.querySelector('.share-sheet');
  if (sheet && navigator.share) {
    sheet.hidden = false;
    sheet.addEventListener('click', function () {
      navigator.share({ title: title, url: url }).catch(function () {});
    });
  }
})();
