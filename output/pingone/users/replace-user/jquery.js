var settings = {
  "url": "{{apiPath}}/environments/{{envID}}/users/{{userID}}",
  "method": "PUT",
  "timeout": 0,
  "headers": {
    "Authorization": "Bearer {{accessToken}}",
    "Content-Type": "application/json"
  },
  "data": `{
  "username": "ada",
  "email": "ada.lovelace@example.com",
  "name": {
    "given": "Ada",
    "family": "Lovelace"
  },
  "accountId": 12345678901234567890,
  "score": 99.5,
  "tags": [
    "mathematics",
    "analytical engine"
  ],
  "manager": null
}`
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
