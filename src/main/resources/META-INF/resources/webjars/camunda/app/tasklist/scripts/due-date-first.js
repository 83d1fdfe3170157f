// The most urgent tasks first. The shared filters sort by due date, but Tasklist sends a sorting of
// its own with every list request (the address's "sorting", or newest first when there is none),
// which takes the filter's place. So when the task list's address has no sorting, this script gives
// it one: due date, earliest first. A sorting the user chooses is in the address and is kept.
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortByDueDateUnlessChosen() {
  const hash = window.location.hash || '#/';
  const queryStart = hash.indexOf('?');
  const path = queryStart < 0 ? hash.slice(1) : hash.slice(1, queryStart);
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(queryStart < 0 ? '' : hash.slice(queryStart + 1));
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_DATE_FIRST);
  // no new navigation: Tasklist reads the address once this listener has run
  window.history.replaceState(window.history.state, '', '#/?' + params.toString());
}

sortByDueDateUnlessChosen();
// capturing, so that this runs before Tasklist's own listeners, which would add its default sorting
window.addEventListener('popstate', sortByDueDateUnlessChosen, true);
window.addEventListener('hashchange', sortByDueDateUnlessChosen, true);

export default [];
