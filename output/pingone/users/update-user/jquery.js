var settings = {
  "url": "{{apiPath}}/environments/{{envID}}/users/{{userID}}",
  "method": "PATCH",
  "timeout": 0,
  "headers": {
    "Authorization": "Bearer {{accessToken}}",
    "Content-Type": "application/json"
  },
  "data": `{
  "title": "Analyst",
  "mobilePhone": "+44 20 7946 0000",
  "address": {
    "streetAddress": "12 St James's Square",
    "locality": "London"
  }
}`
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
